namespace BalanceBot.Core.Broadcasts;

/// <summary>Where one recipient's copy of a broadcast stands. Names are persisted and reported: treat them as API.</summary>
public enum DeliveryState
{
    /// <summary>Waiting for its due time (or a retry).</summary>
    Queued,

    /// <summary>Handed to the channel; written before the send, so a crash leaves it here.</summary>
    Sending,

    Sent,

    /// <summary>Still failing after every retry.</summary>
    Failed,

    /// <summary>The user blocked or removed the bot, or has no address to send to.</summary>
    Unreachable,

    /// <summary>The user muted broadcasts: never sent.</summary>
    Muted,

    /// <summary>The user left the campaign this broadcast belongs to: never sent.</summary>
    Left,

    /// <summary>Its "not after" time passed before it could go out.</summary>
    Expired,

    /// <summary>The broadcast was cancelled before this copy went out.</summary>
    Cancelled,

    /// <summary>In flight when the process stopped: maybe delivered, maybe not. Not resent, reported as such.</summary>
    Unknown,
}
