namespace BalanceBot.Core.Conversations;

/// <summary>
/// Everything the engine remembers about one conversation between turns. Loaded at the start of a turn and saved once
/// at its end, so a crash mid-turn leaves the previous turn's state intact.
/// </summary>
public sealed class ConversationState
{
    /// <summary>How many recent activity ids are kept to recognise redelivered activities (Teams retries after ~15 s).</summary>
    public const int RememberedActivityIds = 32;

    public required string Key { get; init; }

    /// <summary>The dialog stack; the active dialog is the <b>last</b> element.</summary>
    public List<DialogFrame> Stack { get; init; } = [];

    /// <summary>Most recent last.</summary>
    public List<string> RecentActivityIds { get; init; } = [];

    public bool Welcomed { get; set; }

    /// <summary>The exercise shown last, so the next one is a different one.</summary>
    public string? LastExerciseId { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    public DialogFrame? Active => Stack.Count == 0 ? null : Stack[^1];

    public bool HasSeen(string activityId) => RecentActivityIds.Contains(activityId, StringComparer.Ordinal);

    public void RememberActivity(string activityId)
    {
        RecentActivityIds.Add(activityId);
        if (RecentActivityIds.Count > RememberedActivityIds)
        {
            RecentActivityIds.RemoveRange(0, RecentActivityIds.Count - RememberedActivityIds);
        }
    }
}
