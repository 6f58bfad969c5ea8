using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BalanceBot.EndToEnd.Tests;

/// <summary>
/// Issue 8 crash safety: the built app is SIGKILLed while a reminder sweep is sending and other users are talking.
/// After a restart the database opens, every turn that was acknowledged is remembered, and no reminder is sent twice
/// (a reminder is at most once: the ones in flight at the kill are lost, never repeated).
/// </summary>
public sealed class CrashDuringSweepTests : IAsyncLifetime
{
    private const int ReminderUsers = 16;
    private const int TalkingUsers = 4;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "balancebot-e2e", Guid.NewGuid().ToString("N"));
    private FakeConnector _connector = null!;
    private FakeConnector _talkConnector = null!;

    private Dictionary<string, string> Environment => new()
    {
        ["Storage__Path"] = Path.Combine(_folder, "bot.db"),
        ["Reminders__SweepIntervalSeconds"] = "1",
    };

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _talkConnector = await FakeConnector.StartAsync();
    }

    [Fact]
    public async Task SIGKILL_during_a_sweep_and_a_burst_of_turns_loses_no_acknowledged_turn_and_repeats_no_reminder()
    {
        var slot = RealClockSlots.FirstReminderSlot();
        var acknowledged = new ConcurrentQueue<JsonObject>();
        var promptsBefore = new List<string>();
        await using (var first = AppProcess.Start(["--urls", "http://127.0.0.1:0"], Environment))
        {
            using var http = new HttpClient { BaseAddress = await first.WaitUntilListeningAsync() };
            for (var i = 0; i < ReminderUsers; i++)
            {
                await SetUpRemindersAsync(http, i, slot);
            }

            Assert.True(TimeProvider.System.GetUtcNow() < slot, "the reminders were not set up before their slot; the machine is too slow for this test");

            // Each prompt now takes 2 s to be accepted, so the sweep (8 at a time) is mid-way for seconds. When it
            // starts, the talking users begin a burst of turns (answered at their own, prompt connector).
            _connector.Drain();
            _connector.Delay = TimeSpan.FromSeconds(2);
            var sends = _connector.Attempts.Count;
            while (_connector.Attempts.Count == sends)
            {
                await Task.Delay(20);
                Assert.True(TimeProvider.System.GetUtcNow() < slot.AddSeconds(60), "the sweep never started sending");
            }

            using var stopTalking = new CancellationTokenSource();
            var talking = Enumerable.Range(0, TalkingUsers).Select(i => TalkAsync(http, i, acknowledged, stopTalking.Token)).ToList();

            // The first batch of prompts has arrived; the second is on its way.
            while (promptsBefore.Count < 8)
            {
                promptsBefore.AddRange(Prompts(await _connector.TakeAsync(1, TimeSpan.FromSeconds(30))));
            }

            await first.KillAsync();
            await stopTalking.CancelAsync();
            await Task.WhenAll(talking);
            promptsBefore.AddRange(Prompts(_connector.Drain()));
        }

        Assert.Equal(promptsBefore.Count, promptsBefore.Distinct().Count());
        Assert.NotEmpty(acknowledged);

        _connector.Delay = TimeSpan.Zero;
        var restart = Environment;
        restart["Logging__LogLevel__BalanceBot.Scheduling"] = "Debug"; // says when a sweep ran, even one that sent nothing
        await using var second = AppProcess.Start(["--urls", "http://127.0.0.1:0"], restart);
        using var again = new HttpClient { BaseAddress = await second.WaitUntilListeningAsync() };
        Assert.Equal("healthy", await again.GetStringAsync("/healthz"));
        await second.WaitForOutputAsync("Reminder sweep:");

        // No reminder twice: every prompt of this slot was claimed before the kill, so the restarted sweep sends none
        // of them again; the ones in flight at the kill are lost (at most once), never repeated.
        var promptsAfter = Prompts(_connector.Drain()).ToList();
        Assert.Empty(promptsAfter.Intersect(promptsBefore));
        Assert.True(promptsBefore.Count + promptsAfter.Count <= ReminderUsers);

        // Every acknowledged turn is on disk: delivered again, each is recognised as already handled and not answered.
        _talkConnector.Drain();
        foreach (var turn in acknowledged)
        {
            using var redelivered = await again.PostAsJsonAsync("/api/messages", turn);
            Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        }

        Assert.Empty(_talkConnector.Drain());
        var fresh = Message("talker-0", "talk-0", "after-restart", "help");
        using (var answered = await again.PostAsJsonAsync("/api/messages", fresh))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        Assert.NotEmpty(await _talkConnector.TakeAsync(1));
    }

    private async Task SetUpRemindersAsync(HttpClient http, int index, DateTimeOffset slot)
    {
        var user = new EmulatorUser(_connector, "Sam", $"remind-{index}", $"reminded-{index}");
        var end = slot.Date == slot.AddHours(2).Date ? slot.AddHours(2) : slot.Date.AddMinutes(23 * 60 + 59);
        await user.SayAsync(http, "hi", 4);
        await user.SayAsync(http, "no", 1);
        await user.SayAsync(http, "reminders", 2);
        await user.SayAsync(http, "UTC", 1);
        await user.SayAsync(http, "every day", 1);
        await user.SayAsync(http, slot.ToString("HH:mm", CultureInfo.InvariantCulture), 1);
        await user.SayAsync(http, end.ToString("HH:mm", CultureInfo.InvariantCulture), 1);
        await user.SayAsync(http, "every 30 minutes", 1);
        await user.SayAsync(http, "anything", 1);
        await user.SayAsync(http, "no", 1);
    }

    /// <summary>One user sending turns until stopped (at most 30: the bot remembers the last 32 ids); keeps the acknowledged ones.</summary>
    private async Task TalkAsync(HttpClient http, int index, ConcurrentQueue<JsonObject> acknowledged, CancellationToken stop)
    {
        for (var turn = 0; turn < 30 && !stop.IsCancellationRequested; turn++)
        {
            var message = Message($"talker-{index}", $"talk-{index}", $"t{index}-{turn}", turn % 2 == 0 ? "help" : "menu");
            try
            {
                using var response = await http.PostAsJsonAsync("/api/messages", message, CancellationToken.None);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return;
                }

                acknowledged.Enqueue(message);
            }
            catch (HttpRequestException)
            {
                return; // the process died mid-turn: this one was not acknowledged
            }
        }
    }

    private JsonObject Message(string userId, string conversationId, string id, string text) =>
        EmulatorUser.Activity(_talkConnector.ServiceUrl, userId, "Talker", conversationId, id, text);

    /// <summary>The conversations that received a movement prompt.</summary>
    private static IEnumerable<string> Prompts(IEnumerable<ReceivedActivity> activities) =>
        activities.Where(a => a.Text?.StartsWith("Time for a short movement break.", StringComparison.Ordinal) == true).Select(a => a.RawTarget);

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _talkConnector.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
