using NodaTime;

namespace BalanceBot.Core.Broadcasts;

/// <summary>One recipient's copy of a broadcast, written before anything is sent (DESIGN §5).</summary>
public sealed record OutboxEntry
{
    public required string BroadcastId { get; init; }

    public required string UserKey { get; init; }

    public required DeliveryState State { get; init; }

    /// <summary>When it may go out (the recipient's local time for local broadcasts; later for a retry).</summary>
    public required Instant DueUtc { get; init; }

    /// <summary>After this it is not sent any more (the "not after" in the recipient's zone).</summary>
    public Instant? ExpiresUtc { get; init; }

    public int Attempts { get; init; }

    /// <summary>The idempotency key <c>(broadcast, user)</c>: a recipient has one entry per broadcast.</summary>
    public string Id => $"{BroadcastId}|{UserKey}";
}
