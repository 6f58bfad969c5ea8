using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;
using BalanceBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BalanceBot.Core.Tests.Conversations;

/// <summary>One engine over a fresh in-memory LiteDB per test, and a user who talks to it.</summary>
internal sealed class EngineHarness : IDisposable
{
    private int _nextActivityId;

    public EngineHarness(DialogCatalog catalog, string? defaultCountry = "GB")
    {
        Database = new BalanceBotDatabase(Options.Create(new StorageOptions { Path = BalanceBotDatabase.InMemory }));
        States = new LiteDbConversationStateStore(Database);
        Users = new LiteDbUserStore(Database);
        Reminders = new LiteDbReminderStore(Database);
        Engine = TestConversations.Engine(catalog, States, Users, Reminders, Time, new SafetyContactDirectory(SafetyContactDirectory.BuiltIn, defaultCountry));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public BalanceBotDatabase Database { get; }

    public IConversationStateStore States { get; }

    public IUserStore Users { get; }

    public IReminderStore Reminders { get; }

    public ConversationEngine Engine { get; }

    public string UserKey { get; init; } = "test:user-1";

    public string ConversationKey { get; init; } = "test:conversation-1";

    public Task<IReadOnlyList<Reply>> SayAsync(string text, string? activityId = null) =>
        Engine.HandleAsync(Message(text, activityId), CancellationToken.None);

    /// <summary>Says each text in turn, to walk a dialog to the step a test is about.</summary>
    public async Task SayEachAsync(params string[] texts)
    {
        foreach (var text in texts)
        {
            await SayAsync(text);
        }
    }

    public Task<IReadOnlyList<Reply>> ClickAsync(string choiceId) =>
        Engine.HandleAsync(Message(null, null) with { ChoiceId = choiceId }, CancellationToken.None);

    public Task<IReadOnlyList<Reply>> StartAsync() =>
        Engine.HandleAsync(Message(null, null) with { Kind = TurnKind.ConversationStarted }, CancellationToken.None);

    /// <summary>Says the first message so the one-time welcome is out of the way.</summary>
    public async Task<EngineHarness> WelcomedAsync()
    {
        await StartAsync();
        return this;
    }

    public Turn Message(string? text, string? activityId) => new()
    {
        Kind = TurnKind.Message,
        UserKey = UserKey,
        ConversationKey = ConversationKey,
        ActivityId = activityId ?? $"a{Interlocked.Increment(ref _nextActivityId)}",
        Text = text,
        UserDisplayName = "Robin",
    };

    public async Task<ConversationState> StateAsync() =>
        await States.LoadAsync(ConversationKey, CancellationToken.None) ?? throw new InvalidOperationException("no state saved");

    public void Dispose() => Database.Dispose();
}
