using BalanceBot.Core.Users;

namespace BalanceBot.Core.Conversations;

/// <summary>
/// One inbound event, stripped of its wire format by a channel adapter.
/// Keys are channel-qualified (<c>msteams:29:…</c>) so ids from different channels never collide.
/// </summary>
public sealed record Turn
{
    public required TurnKind Kind { get; init; }

    public required string UserKey { get; init; }

    public required string ConversationKey { get; init; }

    /// <summary>The channel's id for this event, used to drop redelivered duplicates. Null when the channel has none.</summary>
    public string? ActivityId { get; init; }

    public string? Text { get; init; }

    /// <summary>The id of a choice the user clicked, when the channel can tell a click from typing.</summary>
    public string? ChoiceId { get; init; }

    /// <summary>
    /// The text came from the channel's command menu (a Discord slash command), so it is a request, never an answer:
    /// it leaves any open question instead of being read as a reply to it (a red flag would take it as "not sure").
    /// </summary>
    public bool IsCommand { get; init; }

    /// <summary>The channel vouches that this user is on the wellness team (configured ids, or a Discord permission).</summary>
    public bool IsAdmin { get; init; }

    public string? UserDisplayName { get; init; }

    public string? Locale { get; init; }

    /// <summary>An IANA time zone id, when the channel knows it (Teams' <c>localTimezone</c>).</summary>
    public string? TimeZone { get; init; }

    /// <summary>Where to reach this user later (reminders, broadcasts). Null when the channel cannot be reached proactively.</summary>
    public ConversationAddress? Address { get; init; }
}
