using Microsoft.Extensions.DependencyInjection.Extensions;
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
        builder.Services.AddSingleton<StorageFaultState>();
        builder.Services.AddExceptionHandler<StorageFaultHandler>();
        // TryAdd: a test puts a faulting disk under the real store (issue 14 §7).
        builder.Services.TryAddSingleton<IConversationStateStore, LiteDbConversationStateStore>();
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

    /// <summary>Every collection the stores write to.</summary>
    public static readonly IReadOnlyList<string> Collections =
        ["users", "conversations", "reminders", "broadcasts", "outbox", "audit", "discord_users", "discord_prompts"];

    /// <summary>
    /// Creates every collection before any turn runs. LiteDB 5.0.21 can fail a read of a collection that another
    /// transaction is creating at that moment ("page type must be collection page", litedb-org/LiteDB#2792), which
    /// closes the engine: the first users of a new install must never race a collection's creation. A write creates
    /// a collection; <c>EnsureIndex("_id")</c> does not (LiteDB returns early for the primary key).
    /// </summary>
    public static void CreateCollections(BalanceBotDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        const string marker = "__created";
        foreach (var name in Collections.Where(name => !database.Database.CollectionExists(name)))
        {
            var collection = database.Database.GetCollection(name);
            database.InTransaction(() =>
            {
                collection.Insert(new LiteDB.BsonDocument { ["_id"] = marker });
                return collection.Delete(marker);
            });
        }
    }

    /// <summary>
    /// Resolving the singleton opened the file; touching every collection here makes a locked, unwritable or damaged
    /// file fail start-up with one line (issue 14 §8) instead of failing the first user's turn.
    /// </summary>
    public static void CheckAtStart(BalanceBotDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        try
        {
            CreateCollections(database);

            // Damage past the header (flipped bytes, a cut-off copy) shows only when its page is read: read every
            // document once now, while the one who can restore the file is watching, not in a user's turn.
            // In an explicit transaction, rolled back even when a page is unreadable: a query's own transaction left
            // behind by a failed read is released by LiteDB's finalizer, which throws on damaged pages and ends the process.
            var engine = database.Database;
            engine.BeginTrans();
            try
            {
                foreach (var name in Collections)
                {
                    foreach (var document in engine.GetCollection(name).FindAll())
                    {
                        _ = document.Keys.Count;
                    }
                }
            }
            finally
            {
                RollBackQuietly(engine);
            }
        }
        catch (Exception ex) when (StorageStartupFailure.IsOpenFailure(ex))
        {
            throw StorageStartupFailure.Explain(database.FilePath, ex);
        }
    }

    private static void RollBackQuietly(LiteDB.LiteDatabase engine)
    {
        try
        {
            engine.Rollback();
        }
        catch (Exception ex) when (StorageStartupFailure.IsOpenFailure(ex))
        {
            // The read already failed and is what start-up reports; a damaged page can fail the rollback too.
        }
    }

    private sealed class OpenDatabaseAtStart(BalanceBotDatabase database) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            CheckAtStart(database);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
