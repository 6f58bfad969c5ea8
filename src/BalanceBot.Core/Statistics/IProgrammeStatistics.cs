namespace BalanceBot.Core.Statistics;

/// <summary>The host's aggregate statistics (with its minimum group size), for wellness-team members asking in chat.</summary>
public interface IProgrammeStatistics
{
    /// <param name="askedBy">The admin's channel-qualified user key, for the audit log.</param>
    /// <returns>The current week's cells, already suppressed; and the minimum group size.</returns>
    (IReadOnlyList<StatsCell> Cells, int MinimumGroupSize) CurrentWeek(string askedBy);
}
