namespace BalanceBot.Channels.Discord;

/// <summary>Discord answered with an error (discord.md §4.3); <see cref="Code"/> is its JSON error code, 0 when absent.</summary>
internal sealed class DiscordApiException(int statusCode, int code, string? message)
    : Exception($"Discord answered {statusCode} (code {code}): {message}")
{
    /// <summary>Cannot send messages to this user (DMs closed, bot blocked, no shared server).</summary>
    public const int CannotMessageUser = 50007;

    /// <summary>Cannot send messages to this user: no mutual guilds (added March 2026).</summary>
    public const int NoMutualGuilds = 50278;

    public const int UnknownChannel = 10003;

    public int StatusCode { get; } = statusCode;

    public int Code { get; } = code;

    public bool UserUnreachable => Code is CannotMessageUser or NoMutualGuilds;
}

/// <summary>Outbound traffic is stopped to stay clear of Discord's invalid-request ban, or the bot token was refused.</summary>
internal sealed class DiscordCircuitOpenException(string reason) : Exception(reason);
