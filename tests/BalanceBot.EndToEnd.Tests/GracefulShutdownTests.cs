using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BalanceBot.EndToEnd.Tests;

/// <summary>Issue 8: SIGTERM finishes the turn in flight and its reply, checkpoints the database, and exits within 10 s.</summary>
public sealed class GracefulShutdownTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "balancebot-e2e", Guid.NewGuid().ToString("N"));
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    [Fact]
    public async Task SIGTERM_lets_the_turn_in_flight_finish_and_deliver_then_checkpoints_and_exits_within_ten_seconds()
    {
        var environment = new Dictionary<string, string> { ["Storage__Path"] = Path.Combine(_folder, "bot.db"), ["Reminders__SweepIntervalSeconds"] = "1" };
        await using var app = AppProcess.Start(["--urls", "http://127.0.0.1:0"], environment);
        using var http = new HttpClient { BaseAddress = await app.WaitUntilListeningAsync() };
        await new EmulatorUser(_connector).SayAsync(http, "hi", 4);

        // The reply to this turn takes 3 s to be accepted: SIGTERM arrives while it is being sent.
        _connector.Delay = TimeSpan.FromSeconds(3);
        var attempts = _connector.Attempts.Count;
        var inFlight = http.PostAsJsonAsync("/api/messages", Message("help", "during-shutdown"));
        using (var started = new CancellationTokenSource(Deadline.Default))
        {
            while (_connector.Attempts.Count == attempts)
            {
                await Task.Delay(20, started.Token);
            }
        }

        var stopping = Stopwatch.StartNew();
        app.Terminate();

        using var answered = await inFlight;
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains(await _connector.TakeAsync(1), r => r.RawTarget.EndsWith("/activities/during-shutdown", StringComparison.Ordinal));
        Assert.True(await app.ExitsWithinAsync(TimeSpan.FromSeconds(10) - stopping.Elapsed), "still running 10 s after SIGTERM");
        Assert.Equal(0, app.ExitCode);
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"took {stopping.Elapsed.TotalSeconds:0.0} s");

        // Checkpointed: the write-ahead log was folded into the data file, and the file opens again.
        var log = Path.Combine(_folder, "bot-log.db");
        var logBytes = File.Exists(log) ? new FileInfo(log).Length : 0;
        Assert.True(logBytes == 0, $"the LiteDB log still holds {logBytes} bytes");
        Assert.DoesNotContain("fail:", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("crit:", app.Output, StringComparison.Ordinal);

        _connector.Delay = TimeSpan.Zero;
        await using var again = AppProcess.Start(["--urls", "http://127.0.0.1:0"], environment);
        using var http2 = new HttpClient { BaseAddress = await again.WaitUntilListeningAsync() };
        Assert.Equal("healthy", await http2.GetStringAsync("/healthz"));
    }

    private JsonObject Message(string text, string id) =>
        EmulatorUser.Activity(_connector.ServiceUrl, "user-1", "Kim", "conversation-1", id, text);

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
