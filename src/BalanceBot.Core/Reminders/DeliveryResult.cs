namespace BalanceBot.Core.Reminders;

public enum DeliveryResult
{
    Delivered,

    /// <summary>The user blocked or removed the bot (Teams 403 MessageWritesBlocked): stop sending.</summary>
    Unreachable,

    /// <summary>Could not be delivered this time (network, 5xx after retries); the prompt is lost, never resent.</summary>
    Failed,
}
