namespace BalanceBot.Core.Reminders;

/// <summary>What one sweep did, for logs and tests.</summary>
public sealed class SweepSummary
{
    public int Sent { get; set; }

    /// <summary>Claimed but not sent: too late (after downtime) or unreachable.</summary>
    public int Skipped { get; set; }

    public int Unreachable { get; set; }

    public int Failed { get; set; }
}
