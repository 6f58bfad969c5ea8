using BalanceBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceBot.Core.Privacy;

/// <summary>What privacy adds to conversations: export links, withdrawing consent, and whether export works here.</summary>
public static class PrivacyFeature
{
    public static IServiceCollection AddPrivacyFeature(this IServiceCollection services) => services
        .AddDialogAction<ExportUserDataAction>()
        .AddDialogAction<WithdrawConsentAction>()
        .AddSingleton<ITurnCondition, ExportEnabledCondition>();
}
