using BalanceBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceBot.Core.Checkup;

/// <summary>What the check-up adds to conversations: its level routing and what a kept check-up stores.</summary>
public static class CheckupFeature
{
    public static IServiceCollection AddCheckupFeature(this IServiceCollection services) => services
        .AddDialogAction<RouteByLevelAction>()
        .AddDialogAction<RaiseLevelForDurationAction>()
        .AddDialogAction<RaiseLevelAction>()
        .AddDialogAction<KeepCheckupAction>()
        .AddDialogAction<CountCheckupStartAction>();
}
