using Microsoft.Extensions.Options;

namespace BalanceBot.Hosting;

internal static class SettingsValidation
{
    /// <summary>
    /// Runs every ValidateOnStart check now, before the host starts, so a bad setting ends in one clear message
    /// (StartupErrors) rather than the host's own error log with a stack trace.
    /// </summary>
    public static void ValidateSettings(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<IConfiguration>() is { } configuration && KnownSettings.Problems(configuration) is { Count: > 0 } problems)
        {
            throw new OptionsValidationException("configuration", typeof(IConfiguration), problems);
        }

        // The dialogs first, against the actions this setup registered: an action whose service is missing is an
        // unknown action, reported with file:line before the host starts (DialogValidationException).
        services.GetService<Core.Conversations.DialogCatalog>();
        services.GetService<IStartupValidator>()?.Validate();
    }
}
