using BalanceBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceBot.Core.Users;

/// <summary>What the user's own record adds to conversations: preferences, what is kept, and forget me.</summary>
public static class UsersFeature
{
    public static IServiceCollection AddUsersFeature(this IServiceCollection services) => services
        .AddDialogAction<SavePreferenceAction>()
        .AddDialogAction<DescribeStoredDataAction>()
        .AddDialogAction<ForgetUserAction>();
}
