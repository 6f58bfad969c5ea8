using System.Globalization;

namespace BalanceBot.EndToEnd.Tests;

/// <summary>Reminders set up through the chat endpoint of the built app arrive at the loopback connector by themselves.</summary>
public sealed class RemindersEndToEndTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "balancebot-e2e", Guid.NewGuid().ToString("N"));
    private FakeConnector _connector = null!;
    private EmulatorUser _user = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _user = new EmulatorUser(_connector);
    }

    [Fact]
    public async Task A_movement_prompt_set_up_in_chat_arrives_proactively_at_the_connector()
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Path"] = Path.Combine(_folder, "bot.db"),
            ["Reminders__SweepIntervalSeconds"] = "1",
        };
        await using var app = AppProcess.Start(["--urls", "http://127.0.0.1:0"], environment);
        using var http = new HttpClient { BaseAddress = await app.WaitUntilListeningAsync() };

        // The first slot is a whole minute in UTC 30 to 90 s away, so the prompt comes within about 90 s of real time.
        var start = RealClockSlots.FirstReminderSlot();
        var end = start.Date == start.AddHours(2).Date ? start.AddHours(2) : start.Date.AddMinutes(23 * 60 + 59);
        await SayAsync(http, "hi", 4);
        await SayAsync(http, "no", 1);
        await SayAsync(http, "reminders", 2);
        await SayAsync(http, "UTC", 1);
        await SayAsync(http, "every day", 1);
        await SayAsync(http, start.ToString("HH:mm", CultureInfo.InvariantCulture), 1);
        await SayAsync(http, end.ToString("HH:mm", CultureInfo.InvariantCulture), 1);
        await SayAsync(http, "every 30 minutes", 1);
        await SayAsync(http, "anything", 1);
        var saved = await SayAsync(http, "no", 1);
        Assert.StartsWith("All set. Your first movement prompt comes on", saved[0].Text, StringComparison.Ordinal);

        var prompt = Assert.Single(await _connector.TakeAsync(1, deadline: TimeSpan.FromSeconds(150)));

        Assert.Equal("/v3/conversations/conversation-1/activities", prompt.RawTarget);
        Assert.StartsWith("Time for a short movement break.", prompt.Text, StringComparison.Ordinal);
        Assert.Equal(5, prompt.Body["suggestedActions"]!["actions"]!.AsArray().Count);
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
