using System.Collections.Concurrent;
using BalanceBot.Hosting;

namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// Keeps sends under Teams' limits (botframework.md §3.3): at most 7 messages a second into one conversation and
/// 30 requests a second per app and tenant. Excess sends wait their turn rather than earn a 429. Exact sliding-window
/// gates on the system clock: a timer-driven limiter (System.Threading.RateLimiting's partitioned sliding window)
/// passed about 17 of its 30 a second.
/// </summary>
internal sealed class ConnectorPacing(bool enabled = true)
{
    public const int PerConversationPerSecond = 7;
    public const int PerTenantPerSecond = 30;

    /// <summary>Idle conversation gates are dropped once there are this many, so the map stays small.</summary>
    private const int ConversationGatesBeforePruning = 10_000;

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    /// <summary>A second plus a margin: requests admitted 1 s apart can arrive closer together, and Teams counts arrivals.</summary>
    private static readonly TimeSpan TenantWindow = TimeSpan.FromMilliseconds(1100);

    private readonly ConcurrentDictionary<string, SlidingWindowGate> _perTenant = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SlidingWindowGate> _perConversation = new(StringComparer.Ordinal);
    private long _lastPruneMilliseconds;

    /// <summary>Waits until both the conversation and the tenant may take one more message.</summary>
    public async Task WaitAsync(string? tenantId, string conversationId, CancellationToken cancellationToken)
    {
        if (!enabled)
        {
            // Only benchmarks switch pacing off, to measure the sweep rather than Teams' limits.
            return;
        }

        // The conversation first: a busy conversation must not hold a tenant slot while it waits for its own.
        // Pruned at most once a second: with more busy conversations than the threshold, not a scan per send.
        var now = Environment.TickCount64;
        var lastPrune = Interlocked.Read(ref _lastPruneMilliseconds);
        if (_perConversation.Count >= ConversationGatesBeforePruning && now - lastPrune >= 1000
            && Interlocked.CompareExchange(ref _lastPruneMilliseconds, now, lastPrune) == lastPrune)
        {
            foreach (var (id, gate) in _perConversation)
            {
                if (gate.IsIdle)
                {
                    _perConversation.TryRemove(id, out _);
                }
            }
        }

        await _perConversation.GetOrAdd(conversationId, _ => new SlidingWindowGate(PerConversationPerSecond, Second, TimeProvider.System))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        await _perTenant.GetOrAdd(tenantId ?? string.Empty, _ => new SlidingWindowGate(PerTenantPerSecond, TenantWindow, TimeProvider.System))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
