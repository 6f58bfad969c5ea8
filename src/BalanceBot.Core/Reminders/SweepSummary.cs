namespace BalanceBot.Core.Reminders;

/// <summary>What one sweep did, for logs and tests. Safe to count from parallel sends.</summary>
public sealed class SweepSummary
{
    private int _sent;
    private int _skipped;
    private int _unreachable;
    private int _failed;

    public int Sent => _sent;

    /// <summary>Claimed but not sent: too late (after downtime) or unreachable.</summary>
    public int Skipped => _skipped;

    public int Unreachable => _unreachable;

    public int Failed => _failed;

    internal void CountSent() => Interlocked.Increment(ref _sent);

    internal void CountSkipped() => Interlocked.Increment(ref _skipped);

    internal void CountUnreachable() => Interlocked.Increment(ref _unreachable);

    internal void CountFailed() => Interlocked.Increment(ref _failed);
}
