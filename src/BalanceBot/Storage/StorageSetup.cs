using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;

namespace BalanceBot.Storage;

internal static class StorageSetup
{
    /// <summary>The LiteDB singleton and the stores on it. The database is opened at start-up, not on the first turn.</summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<BalanceBotDatabase>();
        builder.Services.AddSingleton<IConversationStateStore, LiteDbConversationStateStore>();
        builder.Services.AddSingleton<IUserStore, LiteDbUserStore>();
        builder.Services.AddSingleton<IReminderStore, LiteDbReminderStore>();
        builder.Services.AddSingleton<IUserDataEraser, LiteDbUserDataEraser>();
        builder.Services.AddHostedService<OpenDatabaseAtStart>();
        return builder;
    }

    private sealed class OpenDatabaseAtStart(BalanceBotDatabase database) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            // Resolving the singleton opened the file; touching it here makes a locked or unreadable file fail start-up.
            _ = database.Database.CollectionExists("conversations");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
