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

    public string? BotToken { get; set; }

    /// <summary>How far a request's signed timestamp may be from our clock before it counts as a replay.</summary>
    public int MaxTimestampSkewSeconds { get; set; } = 300;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(ApplicationId) || !string.IsNullOrWhiteSpace(PublicKey);
}
