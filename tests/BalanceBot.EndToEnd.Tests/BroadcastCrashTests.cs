using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Security.Cryptography;
using System.Text;

namespace BalanceBot.EndToEnd.Tests;

/// <summary>
/// Issue 7's crash test: the built app is killed with SIGKILL in the middle of a broadcast and started again. The
/// broadcast resumes; nobody gets it twice except copies that were in flight at the kill, which are reported as
/// unknown; nobody is silently skipped.
/// </summary>
public sealed class BroadcastCrashTests : IAsyncLifetime
{
    private const int Recipients = 40;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "balancebot-e2e", Guid.NewGuid().ToString("N"));
    private readonly (string Key, string Sha256) _admin = NewAdminKey();
    private FakeConnector _connector = null!;

    private Dictionary<string, string> Environment => new()
    {
        ["Storage__Path"] = Path.Combine(_folder, "bot.db"),
        ["Admin__ApiKeySha256__0"] = _admin.Sha256,
        ["Broadcasts__DispatchIntervalSeconds"] = "1",
        ["Broadcasts__FirstDispatchDelaySeconds"] = "0",
    };

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    [Fact]
    public async Task A_broadcast_killed_mid_send_resumes_and_only_the_copies_in_flight_can_arrive_twice()
    {
        string id;
        await using (var first = AppProcess.Start(["--urls", "http://127.0.0.1:0"], Environment))
        {
            id = await StartBroadcastAsync(first, TimeSpan.FromMilliseconds(150));

            // Some copies delivered, more in flight: SIGKILL, no shutdown, no flush.
            await _connector.TakeAsync(8);
            await first.KillAsync();
        }

        // The kill really came mid-broadcast: the second process has copies left to send.
        Assert.InRange(_connector.Attempts.Count, 8, Recipients - 1);

        _connector.Delay = TimeSpan.Zero;
        await using var second = AppProcess.Start(["--urls", "http://127.0.0.1:0"], Environment);
        using var again = Admin(await second.WaitUntilListeningAsync());
        var status = await FinishedAsync(again, id);

        var states = status["states"]!.AsObject().ToDictionary(s => s.Key, s => s.Value!.GetValue<int>());
        var (sent, unknown) = (states.GetValueOrDefault("sent"), states.GetValueOrDefault("unknown"));
        Assert.Equal(Recipients, sent + unknown);
        // Copies in flight at the kill (0 when it fell between two batches) are "unknown", never resent.
        Assert.InRange(unknown, 0, Recipients - 8);

        // Every attempt that reached the connector, before and after the kill, per conversation: nobody twice
        // (a copy in flight at the kill may or may not have arrived, and is not resent), nobody left out.
        var arrivals = _connector.Attempts.Select(a => a.RawTarget).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(arrivals, a => Assert.Equal(1, a.Value));
        Assert.InRange(arrivals.Count, sent, Recipients);
    }

    [Fact]
    public async Task SIGTERM_mid_broadcast_finishes_the_copies_in_flight_and_the_rest_go_out_after_a_restart()
    {
        string id;
        await using (var first = AppProcess.Start(["--urls", "http://127.0.0.1:0"], Environment))
        {
            id = await StartBroadcastAsync(first, TimeSpan.FromMilliseconds(500));

            // A batch is in flight (each copy takes half a second to be accepted) when the orchestrator stops the app.
            await _connector.TakeAsync(1);
            var stopping = System.Diagnostics.Stopwatch.StartNew();
            first.Terminate();
            Assert.True(await first.ExitsWithinAsync(TimeSpan.FromSeconds(10)), "still running 10 s after SIGTERM");
            Assert.Equal(0, first.ExitCode);
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10));
        }

        // Stopped between batches: what was in flight finished, and the rest waited for the restart.
        Assert.InRange(_connector.Attempts.Count, 1, Recipients - 1);
        _connector.Delay = TimeSpan.Zero;
        await using var second = AppProcess.Start(["--urls", "http://127.0.0.1:0"], Environment);
        using var again = Admin(await second.WaitUntilListeningAsync());
        var status = await FinishedAsync(again, id);

        // A graceful stop leaves nothing in doubt: every copy sent exactly once, none unknown.
        Assert.Equal(Recipients, status["states"]!["sent"]!.GetValue<int>());
        Assert.Null(status["states"]!["unknown"]);
        var arrivals = _connector.Attempts.Select(a => a.RawTarget).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Recipients, arrivals.Count);
        Assert.All(arrivals, a => Assert.Equal(1, a.Value));
    }

    /// <summary>Every recipient says hi, then a broadcast to all of them is created with each copy taking <paramref name="perCopy"/>.</summary>
    private async Task<string> StartBroadcastAsync(AppProcess app, TimeSpan perCopy)
    {
        var address = await app.WaitUntilListeningAsync();
        using (var users = new HttpClient { BaseAddress = address })
        {
            for (var i = 0; i < Recipients; i++)
            {
                await HelloAsync(users, i);
            }
        }

        _connector.Delay = perCopy;
        using var http = Admin(address);
        using var created = await http.PostAsJsonAsync("/api/admin/broadcasts", new { text = "Stand-up Friday: a 5-minute stretch at 11:00" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static (string Key, string Sha256) NewAdminKey()
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        return (key, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))));
    }

    private HttpClient Admin(Uri address)
    {
        var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _admin.Key);
        return http;
    }

    /// <summary>A user says hi (replies come back in the response), so the bot can reach them later.</summary>
    private async Task HelloAsync(HttpClient http, int i)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = $"hello-{i}",
            ["channelId"] = "emulator",
            ["serviceUrl"] = _connector.ServiceUrl,
            ["deliveryMode"] = "expectReplies",
            ["from"] = new JsonObject { ["id"] = $"user-{i}", ["name"] = "Kim" },
            ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "BalanceBot" },
            ["conversation"] = new JsonObject { ["id"] = $"conversation-{i}" },
            ["text"] = "hi",
        };
        using var response = await http.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<JsonObject> FinishedAsync(HttpClient http, string id)
    {
        using var deadline = new CancellationTokenSource(Deadline.Default);
        while (true)
        {
            var status = (await http.GetFromJsonAsync<JsonObject>($"/api/admin/broadcasts/{id}", deadline.Token))!;
            if (status["finished"]!.GetValue<bool>())
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
