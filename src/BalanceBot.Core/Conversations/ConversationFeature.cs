using Microsoft.Extensions.DependencyInjection;

namespace BalanceBot.Core.Conversations;

/// <summary>What the engine itself contributes: its general actions and the set every feature adds actions to.</summary>
public static class ConversationFeature
{
    public static IServiceCollection AddConversationEngine(this IServiceCollection services) => services
        .AddDialogActionSet()
        .AddDialogAction<SwitchAction>()
        .AddDialogAction<CheckTurnAction>()
        .AddDialogAction<BranchIfAtLeastAction>();
}
