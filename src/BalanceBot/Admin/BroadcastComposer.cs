using BalanceBot.Core.Broadcasts;

namespace BalanceBot.Admin;

/// <summary>Broadcasts composed in chat go through the same planning, outbox and audit as the admin API's.</summary>
internal sealed class BroadcastComposer(BroadcastService broadcasts) : IBroadcastComposer
{
    public Task<(string Id, int Recipients)> ComposeAsync(string text, BroadcastTiming timing, string createdBy, CancellationToken cancellationToken)
    {
        var created = broadcasts.Create(text, timing, createdBy);
        return Task.FromResult((created.Id, created.Recipients));
    }
}
