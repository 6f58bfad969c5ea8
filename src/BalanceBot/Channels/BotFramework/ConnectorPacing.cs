using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using BalanceBot.Hosting;

namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// Keeps sends under Teams' limits (botframework.md §3.3): at most 7 messages a second into one conversation and
/// 30 requests a second per app and tenant. Excess sends wait their turn rather than earn a 429. Both run on the
/// system clock (System.Threading.RateLimiting takes no TimeProvider).
/// </summary>
internal sealed class ConnectorPacing(bool enabled = true) : IDisposable
{
    private static readonly IDisposable NoLease = new NoPacing();

    public const int PerConversationPerSecond = 7;
    public const int PerTenantPerSecond = 30;

    /// <summary>A second plus a margin: requests admitted 1 s apart can arrive closer together, and Teams counts arrivals.</summary>
    private static readonly TimeSpan TenantWindow = TimeSpan.FromMilliseconds(1050);

    private readonly PartitionedRateLimiter<string> _perConversation = PartitionedRateLimiter.Create<string, string>(conversation =>
        RateLimitPartition.GetSlidingWindowLimiter(conversation, _ => Window(PerConversationPerSecond)));

    // The tenant limit binds during every broadcast, so it must pass its full 30 a second: a timer-driven limiter
    // (one shared 100 ms timer replenishing segments) measured about 17. Tenants are few; each gets an exact gate.
    private readonly ConcurrentDictionary<string, SlidingWindowGate> _perTenant = new(StringComparer.Ordinal);

    /// <summary>Waits until both the conversation and the tenant may take one more message.</summary>
    public async Task<IDisposable> AcquireAsync(string? tenantId, string conversationId, CancellationToken cancellationToken)
    {
        if (!enabled)
        {
            // Only benchmarks switch pacing off, to measure the sweep rather than Teams' limits.
            return NoLease;
        }

        // The conversation first: a busy conversation must not hold a tenant slot while it waits for its own.
        var conversation = await _perConversation.AcquireAsync(conversationId, 1, cancellationToken).ConfigureAwait(false);
        if (!conversation.IsAcquired)
        {
            conversation.Dispose();
            throw new ConnectorException(StatusCodes.Status429TooManyRequests);
        }

        await _perTenant.GetOrAdd(tenantId ?? string.Empty, _ => new SlidingWindowGate(PerTenantPerSecond, TenantWindow, TimeProvider.System))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return conversation;
    }

    public void Dispose()
    {
        _perConversation.Dispose();
    }

    private static SlidingWindowRateLimiterOptions Window(int perSecond) => new()
    {
        PermitLimit = perSecond,
        Window = TimeSpan.FromSeconds(1),
        SegmentsPerWindow = 10,
        QueueLimit = 10_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };

    private sealed class NoPacing : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
