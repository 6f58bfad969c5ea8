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

    /// <summary>Every copy sent that was due at or after <paramref name="since"/>: whom it reached and when (for the reach statistic).</summary>
    IReadOnlyList<(string UserKey, Instant Due)> SentSince(Instant since);

    /// <summary>Up to <paramref name="pageSize"/> queued entries due at <paramref name="now"/>.</summary>
    /// <param name="userKeyPrefix">Only users whose channel-qualified key starts with this (one channel's lane).</param>
    IReadOnlyList<OutboxEntry> Due(Instant now, int pageSize, string? userKeyPrefix = null);

    /// <summary>The channels (the part of the user key before the first ':') that have queued entries due at <paramref name="now"/>.</summary>
    IReadOnlyList<string> DueChannels(Instant now);

    /// <summary>Writes the entry's new state; <see cref="DeliveryState.Sending"/> is written before its send.</summary>
    void Update(OutboxEntry entry);

    /// <summary>Writes several entries' new states in one transaction (one disk flush instead of one each).</summary>
    void Update(IReadOnlyCollection<OutboxEntry> entries);

    /// <summary>After a restart: entries left <see cref="DeliveryState.Sending"/> become <see cref="DeliveryState.Unknown"/>.</summary>
    int MarkInFlightUnknown();

    /// <summary>Keeps the id of the composer's progress message, so a restarted dispatcher edits it rather than posting another.</summary>
    void SetProgressMessage(string broadcastId, string messageId);

    /// <summary>Records that the final report was sent; false if it already was (so it goes once).</summary>
    bool MarkReported(string broadcastId);

    /// <summary>Cancels the broadcast if none of it has gone out yet; false (and nothing changed) otherwise.</summary>
    bool CancelIfNotStarted(string broadcastId);
}
