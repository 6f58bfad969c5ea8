using BalanceBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceBot.Core.Statistics;

/// <summary>What programme statistics add to conversations: this week's aggregates for the wellness team.</summary>
public static class StatisticsFeature
{
    public static IServiceCollection AddStatisticsFeature(this IServiceCollection services) => services
        .AddDialogAction<DescribeProgrammeStatsAction>();
}
