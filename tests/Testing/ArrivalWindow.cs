namespace BalanceBot.Testing;

/// <summary>How a platform counts a per-second limit in the loopback fakes: arrivals in the last second, exactly.</summary>
internal sealed class ArrivalWindow(TimeProvider time)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly Queue<long> _arrivals = new();

    /// <summary>Counts the arrival when fewer than <paramref name="limit"/> came in the last second; else says how long until one may.</summary>
    public bool TryAdmit(int limit, out TimeSpan retryAfter)
    {
        lock (_arrivals)
        {
            var now = time.GetTimestamp();
            while (_arrivals.Count > 0 && time.GetElapsedTime(_arrivals.Peek(), now) >= Second)
            {
                _arrivals.Dequeue();
            }

            if (_arrivals.Count >= limit)
            {
                retryAfter = Second - time.GetElapsedTime(_arrivals.Peek(), now);
                return false;
            }

            _arrivals.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }
}
