namespace BalanceBot.Core.Broadcasts;

/// <summary>Takes a broadcast composed in chat by a wellness-team member; the host plans, stores and audits it.</summary>
public interface IBroadcastComposer
{
    /// <param name="createdBy">The admin's channel-qualified user key, for the audit log.</param>
    /// <returns>The broadcast's id and how many people it is queued for.</returns>
    Task<(string Id, int Recipients)> ComposeAsync(string text, BroadcastTiming timing, string createdBy, CancellationToken cancellationToken);
}
