using Microsoft.Extensions.Options;

namespace BalanceBot.Channels.Discord;

/// <summary>Stops start-up on Discord settings that cannot work, naming the key.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ApplicationId) || !ulong.TryParse(options.ApplicationId, out _))
        {
            failures.Add($"Discord:ApplicationId must be the application's numeric id from the Developer Portal, not '{options.ApplicationId}'.");
        }

        if (!DiscordSignatureVerifier.IsPublicKey(options.PublicKey))
        {
            failures.Add("Discord:PublicKey must be the application's public key from the Developer Portal: 64 hex digits (it is not the bot token).");
        }

        if (options.MaxTimestampSkewSeconds is < 5 or > 3600)
        {
            failures.Add("Discord:MaxTimestampSkewSeconds must be between 5 and 3600.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
