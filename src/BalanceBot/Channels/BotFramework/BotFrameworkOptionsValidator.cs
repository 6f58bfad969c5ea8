using Microsoft.Extensions.Options;

namespace BalanceBot.Channels.BotFramework;

/// <summary>Stops start-up on settings this version cannot honour, naming the key.</summary>
internal sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    private static readonly string[] AppTypes = ["MultiTenant", "SingleTenant", "UserAssignedMsi"];

    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.MicrosoftAppType) && !AppTypes.Contains(options.MicrosoftAppType, StringComparer.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"MicrosoftAppType must be one of {string.Join(", ", AppTypes)}, not '{options.MicrosoftAppType}'.");
        }

        // Accepting an app id without validating Teams' tokens would let anyone post as anyone: refuse rather than run open.
        if (!options.IsLocalMode)
        {
            return ValidateOptionsResult.Fail(
                "MicrosoftAppId is set, but this version only runs the Bot Framework endpoint in local mode (Emulator, no tokens). " +
                "Leave MicrosoftAppId empty until Teams authentication is added.");
        }

        return ValidateOptionsResult.Success;
    }
}
