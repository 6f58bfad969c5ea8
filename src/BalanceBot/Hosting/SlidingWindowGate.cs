namespace BalanceBot.Hosting;

/// <summary>
/// Admits at most <c>limit</c> callers in any <c>window</c>, judged by the exact times of the last admissions: no
/// replenishment timer, so no drift (a timer-driven sliding window meant to pass 30 a second passed about 17-24).
/// Waits run on the given clock.
/// </summary>
internal sealed class SlidingWindowGate(int limit, TimeSpan window, TimeProvider time)
{
    private static readonly TimeSpan ShortestWait = TimeSpan.FromMilliseconds(1);

    private readonly Queue<long> _admitted = new();

    /// <summary>Nobody admitted within the window: the gate can be dropped and made afresh without letting anyone early.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_admitted)
            {
                return _admitted.Count == 0 || time.GetElapsedTime(_admitted.Last()) >= window;
            }
        }
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_admitted)
            {
                var now = time.GetTimestamp();
                while (_admitted.Count > 0 && time.GetElapsedTime(_admitted.Peek(), now) >= window)
                {
                    _admitted.Dequeue();
                }

                if (_admitted.Count < limit)
                {
                    _admitted.Enqueue(now);
                    return;
                }

                wait = window - time.GetElapsedTime(_admitted.Peek(), now);
            }

            await Task.Delay(wait > ShortestWait ? wait : ShortestWait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
