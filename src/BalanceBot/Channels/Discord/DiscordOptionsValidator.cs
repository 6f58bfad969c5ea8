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

        if (string.IsNullOrEmpty(options.BroadcastPermission) || !options.BroadcastPermission.All(char.IsAsciiDigit))
        {
            failures.Add($"Discord:BroadcastPermission must be a decimal permission bitfield such as 32 (Manage Server), not '{options.BroadcastPermission}'.");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || (options.ApiBaseUrl.Scheme != Uri.UriSchemeHttps && !options.ApiBaseUrl.IsLoopback))
        {
            failures.Add("Discord:ApiBaseUrl must be an https URL (plain http only on loopback, for tests).");
        }

        if (options.AcknowledgeWithinMilliseconds is < 0 or > 2500)
        {
            failures.Add("Discord:AcknowledgeWithinMilliseconds must be between 0 and 2500: Discord needs the first answer within 3 seconds.");
        }

        if (options.MaxPendingFollowUps < 1)
        {
            failures.Add("Discord:MaxPendingFollowUps must be at least 1.");
        }

        if (options.GlobalRequestsPerWindow < 1 || options.GlobalRateLimitWindowMilliseconds < 1)
        {
            failures.Add("Discord:GlobalRequestsPerWindow and Discord:GlobalRateLimitWindowMilliseconds must be positive.");
        }

        if (options.InvalidRequestLimit is < 1 or > 9000)
        {
            failures.Add("Discord:InvalidRequestLimit must be between 1 and 9000: Discord bans the address at 10,000 in 10 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
