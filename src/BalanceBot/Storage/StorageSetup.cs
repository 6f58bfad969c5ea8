using BalanceBot.Core.Broadcasts;
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
        builder.Services.AddOptions<RetentionOptions>()
            .Bind(builder.Configuration.GetSection(RetentionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<BalanceBotDatabase>();
        builder.Services.AddSingleton<IConversationStateStore, LiteDbConversationStateStore>();
        builder.Services.AddSingleton<LiteDbUserStore>();
        builder.Services.AddSingleton<IUserStore>(services => services.GetRequiredService<LiteDbUserStore>());
        builder.Services.AddSingleton<IReminderStore, LiteDbReminderStore>();
        builder.Services.AddSingleton<IUserDataEraser, LiteDbUserDataEraser>();
        builder.Services.AddSingleton<LiteDbBroadcastStore>();
        builder.Services.AddSingleton<IBroadcastStore>(services => services.GetRequiredService<LiteDbBroadcastStore>());
        builder.Services.AddSingleton<DataRetention>();
        builder.Services.AddHostedService<OpenDatabaseAtStart>();
        return builder;
    }

    /// <summary>
    /// Creates the collections the stores write to, before any turn runs, so the first users of a new install never
    /// race to create one. A precaution: one early run of the 2,000-DM burst test failed inside LiteDB with "page type
    /// must be collection page" while collections were being created under load; it has not come back since.
    /// </summary>
    public static void CreateCollections(BalanceBotDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        foreach (var name in (string[])["users", "conversations", "reminders"])
        {
            database.Database.GetCollection(name).EnsureIndex("_id");
        }
    }

    private sealed class OpenDatabaseAtStart(BalanceBotDatabase database) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            // Resolving the singleton opened the file; touching it here makes a locked or unreadable file fail start-up.
            CreateCollections(database);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
