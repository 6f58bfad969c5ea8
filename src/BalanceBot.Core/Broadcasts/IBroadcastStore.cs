using NodaTime;

namespace BalanceBot.Core.Broadcasts;

/// <summary>Broadcasts and their outbox.</summary>
public interface IBroadcastStore
{
    /// <summary>Saves the broadcast and all its outbox entries in one transaction: either everyone is queued or nobody.</summary>
    void Create(Broadcast broadcast, IReadOnlyList<OutboxEntry> entries);

    Broadcast? Find(string broadcastId);

    /// <summary>Newest first.</summary>
    IReadOnlyList<Broadcast> List(int limit);

    IReadOnlyDictionary<DeliveryState, int> CountByState(string broadcastId);

    /// <summary>
    /// Marks up to <paramref name="pageSize"/> queued entries due at <paramref name="now"/> as <see cref="DeliveryState.Sending"/>
    /// in one transaction and returns them: the state is on disk before any of them is sent.
    /// </summary>
    IReadOnlyList<OutboxEntry> ClaimDue(Instant now, int pageSize);

    void Update(OutboxEntry entry);

    /// <summary>After a restart: entries left <see cref="DeliveryState.Sending"/> become <see cref="DeliveryState.Unknown"/>.</summary>
    int MarkInFlightUnknown();

    /// <summary>Cancels the broadcast if none of it has gone out yet; false (and nothing changed) otherwise.</summary>
    bool CancelIfNotStarted(string broadcastId);
}
