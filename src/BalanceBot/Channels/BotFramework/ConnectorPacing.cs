using System.Collections.Concurrent;
using BalanceBot.Hosting;

namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// Keeps sends under Teams' limits (botframework.md §3.3): at most 7 messages a second into one conversation and
/// 30 requests a second per app and tenant. Excess sends wait their turn rather than earn a 429. Exact sliding-window
/// gates on the injected clock: a timer-driven limiter (System.Threading.RateLimiting's partitioned sliding window)
/// passed about 17 of its 30 a second.
/// </summary>
/// <param name="enabled">Only benchmarks switch pacing off, to measure the sweep rather than Teams' limits.</param>
internal sealed class ConnectorPacing(TimeProvider time, bool enabled = true)
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
    private long _lastPruneTimestamp;

    /// <summary>Waits until both the conversation and the tenant may take one more message.</summary>
    public async Task WaitAsync(string? tenantId, string conversationId, CancellationToken cancellationToken)
    {
        if (!enabled)
        {
            return;
        }

        // The conversation first: a busy conversation must not hold a tenant slot while it waits for its own.
        // Pruned at most once a second: with more busy conversations than the threshold, not a scan per send.
        var now = time.GetTimestamp();
        var lastPrune = Interlocked.Read(ref _lastPruneTimestamp);
        if (_perConversation.Count >= ConversationGatesBeforePruning && time.GetElapsedTime(lastPrune, now) >= Second
            && Interlocked.CompareExchange(ref _lastPruneTimestamp, now, lastPrune) == lastPrune)
        {
            foreach (var (id, gate) in _perConversation)
            {
                if (gate.IsIdle)
                {
                    _perConversation.TryRemove(id, out _);
                }
            }
        }

        await _perConversation.GetOrAdd(conversationId, _ => new SlidingWindowGate(PerConversationPerSecond, Second, time))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        await _perTenant.GetOrAdd(tenantId ?? string.Empty, _ => new SlidingWindowGate(PerTenantPerSecond, TenantWindow, time))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
