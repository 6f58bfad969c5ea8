namespace BalanceBot.Channels.Discord;

/// <summary>
/// The <c>Discord</c> settings section. The channel is off until <c>ApplicationId</c> and <c>PublicKey</c> are set.
/// <c>BotToken</c> is a secret: environment variable or user secrets, never appsettings.json.
/// </summary>
internal sealed class DiscordOptions
{
    public const string Section = "Discord";

    public string? ApplicationId { get; set; }

    /// <summary>The application's public key from the Developer Portal (64 hex digits); it is not the bot token.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Needed for reminders by DM, long replies and <c>discord register-commands</c>; interactions work without it.</summary>
    public string? BotToken { get; set; }

    /// <summary>How far a request's signed timestamp may be from our clock before it counts as a replay.</summary>
    public int MaxTimestampSkewSeconds { get; set; } = 300;

    /// <summary>
    /// The permission bitfield a server member needs for <c>/broadcast</c> (decimal). 32 is Manage Server; 0 means
    /// administrators only.
    /// </summary>
    public string BroadcastPermission { get; set; } = "32";

    /// <summary>Discord's REST API without the version; tests point it at a loopback fake. <c>/v10</c> is always added.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api");

    /// <summary>
    /// A turn still running after this long is acknowledged with "thinking…" and finished by editing the reply
    /// through the interaction token; Discord drops answers later than 3 seconds (discord.md §1.4).
    /// </summary>
    public int AcknowledgeWithinMilliseconds { get; set; } = 2000;

    /// <summary>
    /// Deferred turns whose answers are still to be sent, at most. Past this a new interaction gets 503 before its
    /// turn starts: work that outlives its request stays bounded (issue 8), and Discord tells the user to retry.
    /// </summary>
    public int MaxPendingFollowUps { get; set; } = 500;

    /// <summary>Bot-token requests allowed per <see cref="GlobalRateLimitWindowMilliseconds"/>; Discord allows 50 a second.</summary>
    public int GlobalRequestsPerWindow { get; set; } = 45;

    public int GlobalRateLimitWindowMilliseconds { get; set; } = 1000;

    /// <summary>
    /// 401, 403 and 429 answers allowed in 10 minutes before outbound traffic stops for a while; Discord bans the IP at
    /// 10,000 (discord.md §5.1).
    /// </summary>
    public int InvalidRequestLimit { get; set; } = 1000;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(ApplicationId) || !string.IsNullOrWhiteSpace(PublicKey);
}
