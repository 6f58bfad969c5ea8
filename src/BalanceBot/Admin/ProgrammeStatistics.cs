using BalanceBot.Core.Statistics;

namespace BalanceBot.Admin;

/// <summary>Statistics asked for in chat come from the same computation, suppression and audit as the API's.</summary>
internal sealed class ProgrammeStatistics(StatsService stats) : IProgrammeStatistics
{
    public (IReadOnlyList<StatsCell> Cells, int MinimumGroupSize) CurrentWeek(string askedBy)
    {
        var report = stats.Compute(1, askedBy);
        return (report.Cells, report.MinimumGroupSize);
    }
}
