using BalanceBot.Core.Broadcasts;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Exercises;
using BalanceBot.Core.Privacy;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Statistics;
using BalanceBot.Core.Users;
using BalanceBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BalanceBot.Testing;

/// <summary>
/// Engines and actions for tests, composed from the same feature list as the app (ConversationSetup), over the
/// stores a test hands in. The wellness team's services and export links are stand-ins that offer nothing.
/// </summary>
internal static class TestConversations
{
    public static ServiceCollection Services(IConversationStateStore states, IUserStore users, IReminderStore reminders, TimeProvider time, SafetyContactDirectory contacts, DialogCatalog? catalog = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(states);
        services.AddSingleton(users);
        services.AddSingleton(reminders);
        services.AddSingleton(time);
        services.AddSingleton(contacts);
        services.AddSingleton(catalog?.Exercises ?? ExerciseLibrary.Empty);
        if (catalog is not null)
        {
            services.AddSingleton(catalog);
        }

        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IUserDataExport, NoDataExport>();
        services.AddSingleton<IBroadcastComposer, NoBroadcasts>();
        services.AddSingleton<IProgrammeStatistics, NoStatistics>();
        services.AddConversationFeatures();
        if (catalog is not null)
        {
            // A test catalog may carry probe actions of its own (TestDialogs.Catalog's extras): run those too.
            services.AddSingleton(provider =>
            {
                var registered = DialogActionRegistration.Resolve(provider);
                return new DialogActionSet([.. registered, .. catalog.Actions.Values.Where(a => registered.All(r => r.Name != a.Name))]);
            });
        }

        services.AddSingleton<ConversationEngine>();
        return services;
    }

    /// <summary>An engine over the test's stores; the provider lives as long as the test process, like the stores' database owner decides.</summary>
    public static ConversationEngine Engine(DialogCatalog catalog, IConversationStateStore states, IUserStore users, IReminderStore reminders, TimeProvider time, SafetyContactDirectory contacts) =>
        Services(states, users, reminders, time, contacts, catalog).BuildServiceProvider().GetRequiredService<ConversationEngine>();

    private sealed class NoDataExport : IUserDataExport
    {
        public bool IsEnabled => false;

        public DataExportLink? CreateLink(string userKey, string conversationKey) => null;
    }

    private sealed class NoBroadcasts : IBroadcastComposer
    {
        public int CountRecipients(BroadcastDraft draft) => throw new NotSupportedException("This test has no broadcasts.");

        public Task<(string Id, int Recipients)> ComposeAsync(BroadcastDraft draft, string createdBy, CancellationToken cancellationToken) =>
            throw new NotSupportedException("This test has no broadcasts.");
    }

    private sealed class NoStatistics : IProgrammeStatistics
    {
        public (IReadOnlyList<StatsCell> Cells, int MinimumGroupSize) CurrentWeek(string askedBy) => throw new NotSupportedException("This test has no statistics.");
    }
}

/// <summary>Every action the app registers, for validating dialogs in tests (their stores are a throw-away in-memory database).</summary>
internal static class BuiltInActions
{
    public static IReadOnlyList<IDialogAction> Create()
    {
        var database = new Storage.BalanceBotDatabase(Microsoft.Extensions.Options.Options.Create(new Storage.StorageOptions { Path = Storage.BalanceBotDatabase.InMemory }));
        using var provider = TestConversations.Services(
            new Storage.LiteDbConversationStateStore(database), new Storage.LiteDbUserStore(database), new Storage.LiteDbReminderStore(database),
            TimeProvider.System, new SafetyContactDirectory(SafetyContactDirectory.BuiltIn, "GB")).BuildServiceProvider();
        return provider.GetRequiredService<DialogActionSet>().Actions;
    }
}
