using BalanceBot.Channels.Console;
using BalanceBot.Core;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BalanceBot.Tests.Channels;

public sealed class ConsoleChatTests : IDisposable
{
    private readonly BalanceBotDatabase _database = new(Options.Create(new StorageOptions { Path = BalanceBotDatabase.InMemory }));

    private async Task<string> ChatAsync(string input)
    {
        var engine = TestConversations.Engine(
            DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create()),
            new LiteDbConversationStateStore(_database),
            new LiteDbUserStore(_database),
            new LiteDbReminderStore(_database),
            new FakeTimeProvider(),
            new SafetyContactDirectory(SafetyContactDirectory.BuiltIn, "GB"));
        var output = new StringWriter();
        await new ConsoleChat(engine).RunAsync(new StringReader(input), output, "robin", CancellationToken.None);
        return output.ToString();
    }

    [Fact]
    public async Task Choices_are_numbered_and_the_number_picks_one()
    {
        var transcript = await ChatAsync("yes\n4\nquit\n");

        Assert.Contains("Shall I show you what I can do?" + Environment.NewLine + "  1. Yes" + Environment.NewLine + "  2. More about my data" + Environment.NewLine + "  3. Not now", transcript, StringComparison.Ordinal);
        Assert.Contains("  4. My settings", transcript, StringComparison.Ordinal);
        Assert.Contains("What would you like me to call you?", transcript, StringComparison.Ordinal);
        Assert.EndsWith("Bye! Take care of yourself." + Environment.NewLine, transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typing_the_label_picks_the_choice_too()
    {
        var transcript = await ChatAsync("yes\nQuick stretch\n");

        Assert.Contains("Which area would you like to work on?", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_session_continues_where_the_first_stopped()
    {
        await ChatAsync("yes\n4\nquit\n");

        var transcript = await ChatAsync("Robin\nquit\n");

        Assert.DoesNotContain("I'm BalanceBot", transcript, StringComparison.Ordinal);
        Assert.Contains("Thanks, Robin. Which country are you in?", transcript, StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();
}
