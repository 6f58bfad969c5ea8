using BalanceBot.Core.Broadcasts;

namespace BalanceBot.Admin;

/// <summary>Broadcasts composed in chat go through the same planning, outbox and audit as the admin API's.</summary>
internal sealed class BroadcastComposer(BroadcastService broadcasts) : IBroadcastComposer
{
    public int CountRecipients(BroadcastDraft draft) => broadcasts.CountRecipients(draft);

    public Task<(string Id, int Recipients)> ComposeAsync(BroadcastDraft draft, string createdBy, CancellationToken cancellationToken)
    {
        var created = broadcasts.Create(draft, createdBy);
        // Queued copies only: muted users are planned too (as "muted"), but nobody is sending them anything.
        return Task.FromResult((created.Id, created.States.GetValueOrDefault("queued")));
    }
}
