
namespace BalanceBot.EndToEnd.Tests;

public sealed class ConversationAcrossRestartTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "balancebot-e2e", Guid.NewGuid().ToString("N"));
    private FakeConnector _connector = null!;
    private EmulatorUser _user = null!;

    private Dictionary<string, string> Environment => new() { ["Storage__Path"] = Path.Combine(_folder, "bot.db") };

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _user = new EmulatorUser(_connector);
    }

    [Fact]
    public async Task A_conversation_continues_where_it_was_after_the_process_is_killed_mid_dialog()
    {
        await using (var first = AppProcess.Start(["--urls", "http://127.0.0.1:0"], Environment))
        {
            using var http = new HttpClient { BaseAddress = await first.WaitUntilListeningAsync() };
            Assert.Equal("healthy", await http.GetStringAsync("/healthz"));

            Assert.Equal("Shall I show you what I can do?", (await SayAsync(http, "hi", expectReplies: 4))[^1].Text);
            Assert.Equal("What would you like to do, Kim?", (await SayAsync(http, "yes", expectReplies: 1))[0].Text);
            Assert.Equal("What would you like me to call you?", (await SayAsync(http, "My settings", expectReplies: 1))[0].Text);
            Assert.StartsWith("Thanks, Alex. When does your working day", (await SayAsync(http, "Alex", expectReplies: 1))[0].Text, StringComparison.Ordinal);

            // Mid-dialog, with the answer to "when" still to come: SIGKILL, so nothing gets a chance to flush or close.
            await first.KillAsync();
        }

        await using var second = AppProcess.Start(["--urls", "http://127.0.0.1:0"], Environment);
        using var again = new HttpClient { BaseAddress = await second.WaitUntilListeningAsync() };

        Assert.StartsWith("How many short movement breaks", (await SayAsync(again, "8:45", expectReplies: 1))[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Which country are you in?", (await SayAsync(again, "3", expectReplies: 1))[0].Text, StringComparison.Ordinal);
        Assert.Equal(
            "Saved. Your day starts at 08:45 and you'd like 3 movement breaks. You can change this any time by typing \"settings\".",
            (await SayAsync(again, "UK", expectReplies: 1))[0].Text);
        Assert.Contains("call 999 (or 112) now", (await SayAsync(again, "I've got chest pain", expectReplies: 1))[0].Text, StringComparison.Ordinal);
        Assert.Contains("- what I call you: Alex", (await SayAsync(again, "about", expectReplies: 2))[0].Text, StringComparison.Ordinal);
    }

    private Task<IReadOnlyList<ReceivedActivity>> SayAsync(HttpClient http, string text, int expectReplies) =>
        _user.SayAsync(http, text, expectReplies);

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
