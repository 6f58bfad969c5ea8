using BalanceBot.Core.Checkup;
using Microsoft.Extensions.Options;

namespace BalanceBot.Hosting;

/// <summary>A deployment must never show a half-configured or unknown country's numbers: stop start-up instead.</summary>
internal sealed class SafetyOptionsValidator : IValidateOptions<SafetyOptions>
{
    public ValidateOptionsResult Validate(string? name, SafetyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (country, contacts) in options.Countries)
        {
            foreach (var (field, value) in new[] { ("Emergency", contacts.Emergency), ("UrgentHelp", contacts.UrgentHelp), ("CrisisLine", contacts.CrisisLine) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    failures.Add($"Safety:Countries:{country}:{field} is required: every configured country needs Emergency, UrgentHelp and CrisisLine.");
                }
            }
        }

        var known = SafetyContactSetup.Countries(options);
        if (!string.IsNullOrWhiteSpace(options.DefaultCountry) && !known.ContainsKey(options.DefaultCountry))
        {
            failures.Add($"Safety:DefaultCountry '{options.DefaultCountry}' has no contacts: use one of {string.Join(", ", known.Keys.Order(StringComparer.Ordinal))}, or add Safety:Countries:{options.DefaultCountry}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
