using System.Collections.Concurrent;

namespace BalanceBot.Core.Conversations;

/// <summary>What the limiter says about one turn.</summary>
public enum TurnAdmission
{
    Admitted,

    /// <summary>Over the limit, the first time in this burst: the user is asked to slow down.</summary>
    SlowDown,

    /// <summary>Over the limit again: dropped without a reply, so a flood is not answered with a flood.</summary>
    Dropped,
}

/// <summary>
/// At most <paramref name="limit"/> turns per user in any <paramref name="window"/> (issue 8: "slow down" past 20
/// turns in 10 s). Refused turns do not count, so a user who pauses for the window is served again. A limit of 0
/// turns it off (the load benchmark).
/// </summary>
public sealed class TurnRateLimiter(int limit, TimeSpan window, TimeProvider time)
{
    /// <summary>Idle users are forgotten once this many are tracked, so memory stays bounded.</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, UserTurns> _users = new(StringComparer.Ordinal);
    private long _lastPruneTicks;

    public TurnAdmission Admit(string userKey)
    {
        if (limit <= 0)
        {
            return TurnAdmission.Admitted;
        }

        var now = time.GetUtcNow();

        // At most once a window, so a crowd of active users costs one scan per window, not one per turn.
        var lastPrune = Interlocked.Read(ref _lastPruneTicks);
        if (_users.Count > PruneAbove && now.UtcTicks - lastPrune >= window.Ticks
            && Interlocked.CompareExchange(ref _lastPruneTicks, now.UtcTicks, lastPrune) == lastPrune)
        {
            foreach (var (key, idle) in _users.Where(u => u.Value.IdleSince(now, window)))
            {
                _users.TryRemove(KeyValuePair.Create(key, idle));
            }
        }

        return _users.GetOrAdd(userKey, _ => new UserTurns()).Admit(now, limit, window);
    }

    private sealed class UserTurns
    {
        private readonly Lock _gate = new();
        private readonly Queue<DateTimeOffset> _admitted = new();
        private bool _told;

        public TurnAdmission Admit(DateTimeOffset now, int limit, TimeSpan window)
        {
            lock (_gate)
            {
                while (_admitted.Count > 0 && now - _admitted.Peek() >= window)
                {
                    _admitted.Dequeue();
                }

                if (_admitted.Count < limit)
                {
                    _admitted.Enqueue(now);
                    _told = false;
                    return TurnAdmission.Admitted;
                }

                var first = !_told;
                _told = true;
                return first ? TurnAdmission.SlowDown : TurnAdmission.Dropped;
            }
        }

        public bool IdleSince(DateTimeOffset now, TimeSpan window)
        {
            lock (_gate)
            {
                return _admitted.Count == 0 || now - _admitted.Last() >= window;
            }
        }
    }
}
