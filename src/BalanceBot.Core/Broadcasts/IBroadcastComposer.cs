namespace BalanceBot.Core.Broadcasts;

/// <summary>A broadcast composed in chat, before it is queued.</summary>
/// <param name="ExerciseId">An exercise from the library shown under the text, or null.</param>
public sealed record BroadcastDraft(string Text, string? ExerciseId, BroadcastAudience Audience, BroadcastTiming Timing);

/// <summary>Takes a broadcast composed in chat by a wellness-team member; the host plans, stores and audits it.</summary>
public interface IBroadcastComposer
{
    /// <summary>How many people the draft would be queued for if it were sent now (muted users left out).</summary>
    int CountRecipients(BroadcastDraft draft);

    /// <param name="createdBy">The admin's channel-qualified user key, for the audit log.</param>
    /// <returns>The broadcast's id and how many people it is queued for.</returns>
    Task<(string Id, int Recipients)> ComposeAsync(BroadcastDraft draft, string createdBy, CancellationToken cancellationToken);
}
