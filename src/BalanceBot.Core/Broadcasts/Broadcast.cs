using NodaTime;

namespace BalanceBot.Core.Broadcasts;

/// <summary>A one-off message from the wellness team to everyone in its audience who has not muted broadcasts (issue 7).</summary>
public sealed record Broadcast
{
    public required string Id { get; init; }

    public required string Text { get; init; }

    /// <summary>An exercise from the library shown under the text, or null.</summary>
    public string? ExerciseId { get; init; }

    public required BroadcastAudience Audience { get; init; }

    public required BroadcastTiming Timing { get; init; }

    /// <summary>Who created it, as the audit log names them (never a key).</summary>
    public required string CreatedBy { get; init; }

    public required Instant CreatedUtc { get; init; }

    public bool Cancelled { get; init; }

    /// <summary>Set when the broadcast is one day of a campaign; a user who left the campaign gets no more of it.</summary>
    public string? CampaignId { get; init; }

    public string? CampaignName { get; init; }

    /// <summary>Set once the final report went to the admin who composed it in chat.</summary>
    public bool Reported { get; init; }

    /// <summary>The channel's id of the message in the composer's chat that shows progress while it goes out, or null.</summary>
    public string? ProgressMessageId { get; init; }

    /// <summary>Composed in chat by a wellness-team member (a channel user key), not through the admin API.</summary>
    public bool ComposedInChat => CreatedBy.Contains(':', StringComparison.Ordinal) && !CreatedBy.StartsWith("api-key:", StringComparison.Ordinal);
}

/// <summary>Who gets a broadcast: everyone with a reachable address, narrowed by channel, tags and time zones.</summary>
/// <param name="Channel">An address channel (<c>msteams</c>, <c>discord</c>), or null for all.</param>
/// <param name="Tags">Users with any of these tags (preference <c>tags</c>), or empty for all.</param>
/// <param name="TimeZones">Users in any of these IANA zones, or empty for all.</param>
public sealed record BroadcastAudience(string? Channel, IReadOnlyList<string> Tags, IReadOnlyList<string> TimeZones)
{
    public static BroadcastAudience Everyone { get; } = new(null, [], []);
}

public enum BroadcastTimingKind
{
    /// <summary>As soon as the dispatcher runs.</summary>
    Now,

    /// <summary>At one instant for everyone.</summary>
    AtUtc,

    /// <summary>At a local date and time in each recipient's own zone, with an optional local "not after".</summary>
    LocalTime,
}

/// <summary>When a broadcast goes out.</summary>
public sealed record BroadcastTiming(BroadcastTimingKind Kind, Instant? AtUtc = null, LocalDate? Date = null, LocalTime? Time = null, LocalTime? NotAfter = null)
{
    public static BroadcastTiming Now { get; } = new(BroadcastTimingKind.Now);
}
