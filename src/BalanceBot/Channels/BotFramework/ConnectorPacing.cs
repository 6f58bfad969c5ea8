using System.Threading.RateLimiting;

namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// Keeps sends under Teams' limits (botframework.md §3.3): at most 7 messages a second into one conversation and
/// 30 requests a second per app and tenant. Excess sends wait their turn rather than earn a 429. The limiters run
/// on the system clock (System.Threading.RateLimiting takes no TimeProvider).
/// </summary>
internal sealed class ConnectorPacing(bool enabled = true) : IDisposable
{
    private static readonly IDisposable NoLease = new Leases(null, null);

    public const int PerConversationPerSecond = 7;
    public const int PerTenantPerSecond = 30;

    private readonly PartitionedRateLimiter<string> _perConversation = PartitionedRateLimiter.Create<string, string>(conversation =>
        RateLimitPartition.GetSlidingWindowLimiter(conversation, _ => Window(PerConversationPerSecond)));

    private readonly PartitionedRateLimiter<string> _perTenant = PartitionedRateLimiter.Create<string, string>(tenant =>
        RateLimitPartition.GetSlidingWindowLimiter(tenant, _ => Window(PerTenantPerSecond)));

    /// <summary>Waits until both the conversation and the tenant may take one more message.</summary>
    public async Task<IDisposable> AcquireAsync(string? tenantId, string conversationId, CancellationToken cancellationToken)
    {
        if (!enabled)
        {
            // Only benchmarks switch pacing off, to measure the sweep rather than Teams' limits.
            return NoLease;
        }

        var tenant = await _perTenant.AcquireAsync(tenantId ?? string.Empty, 1, cancellationToken).ConfigureAwait(false);
        var conversation = await _perConversation.AcquireAsync(conversationId, 1, cancellationToken).ConfigureAwait(false);
        if (!tenant.IsAcquired || !conversation.IsAcquired)
        {
            tenant.Dispose();
            conversation.Dispose();
            throw new ConnectorException(StatusCodes.Status429TooManyRequests);
        }

        return new Leases(tenant, conversation);
    }

    public void Dispose()
    {
        _perConversation.Dispose();
        _perTenant.Dispose();
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

    private sealed class Leases(RateLimitLease? first, RateLimitLease? second) : IDisposable
    {
        public void Dispose()
        {
            first?.Dispose();
            second?.Dispose();
        }
    }
}
