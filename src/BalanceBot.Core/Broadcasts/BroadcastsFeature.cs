using BalanceBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceBot.Core.Broadcasts;

/// <summary>What wellness-team broadcasts add to conversations: composing one in chat, muting them, leaving a campaign.</summary>
public static class BroadcastsFeature
{
    public static IServiceCollection AddBroadcastsFeature(this IServiceCollection services) => services
        .AddDialogAction<RequireAdminAction>()
        .AddDialogAction<PreviewBroadcastAction>()
        .AddDialogAction<CreateBroadcastAction>()
        .AddTurnHandler<BroadcastTurnHandler>();
}
