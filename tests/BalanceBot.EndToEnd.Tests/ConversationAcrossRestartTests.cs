
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
            Assert.StartsWith("Thanks, Alex. Which country are you in?", (await SayAsync(http, "Alex", expectReplies: 1))[0].Text, StringComparison.Ordinal);

            // Mid-dialog, with the country still to come: SIGKILL, so nothing gets a chance to flush or close.
            await first.KillAsync();
        }

        await using var second = AppProcess.Start(["--urls", "http://127.0.0.1:0"], Environment);
        using var again = new HttpClient { BaseAddress = await second.WaitUntilListeningAsync() };

        Assert.StartsWith("Saved, Alex.", (await SayAsync(again, "UK", expectReplies: 1))[0].Text, StringComparison.Ordinal);
        Assert.Contains("call 999 (or 112) now", (await SayAsync(again, "I've got chest pain", expectReplies: 1))[0].Text, StringComparison.Ordinal);
        var about = (await SayAsync(again, "about", expectReplies: 2))[0].Text;
        Assert.Contains("- what I call you: Alex", about, StringComparison.Ordinal);
        Assert.Contains(": United Kingdom", about, StringComparison.Ordinal);
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
