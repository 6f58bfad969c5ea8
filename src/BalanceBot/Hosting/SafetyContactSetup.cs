using BalanceBot.Core.Checkup;
using Microsoft.Extensions.Options;

namespace BalanceBot.Hosting;

internal static class SafetyContactSetup
{
    /// <summary>The built-in countries of triage.md §1, with configured ones added or replacing them.</summary>
    public static Dictionary<string, SafetyContacts> Countries(SafetyOptions options)
    {
        var countries = new Dictionary<string, SafetyContacts>(SafetyContactDirectory.BuiltIn, StringComparer.OrdinalIgnoreCase);
        foreach (var (country, contacts) in options.Countries)
        {
            countries[country] = new SafetyContacts(contacts.Emergency ?? string.Empty, contacts.UrgentHelp ?? string.Empty, contacts.CrisisLine ?? string.Empty);
        }

        return countries;
    }

    public static IHostApplicationBuilder AddSafetyContacts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SafetyOptions>().Bind(builder.Configuration.GetSection(SafetyOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SafetyOptions>, SafetyOptionsValidator>();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<SafetyOptions>>().Value;
            return new SafetyContactDirectory(Countries(options), options.DefaultCountry);
        });
        return builder;
    }
}
