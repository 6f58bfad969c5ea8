using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BalanceBot.Admin;
using BalanceBot.Channels.BotFramework;
using BalanceBot.Core.Users;
using BalanceBot.Storage;
using BalanceBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BalanceBot.Benchmarks;

/// <summary>
/// Issue 7's broadcast benchmark: N recipients, half on Teams and half on Discord, against loopback fakes that
/// enforce the real limits (Teams 30 requests/s per app and tenant, Discord 50/s global). Reports the time to
/// finish against the least the limits allow, what each fake received (lost, duplicates) and the memory used.
/// </summary>
internal static class BroadcastBenchmark
{
    private const int TeamsPerSecond = 30;
    private const int DiscordPerSecond = 50;

    /// <param name="only">"teams" or "discord" to send to one platform only (to see each lane alone), else both.</param>
    public static async Task<int> RunAsync(int recipients, string? only = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "balancebot-bench", Guid.NewGuid().ToString("N"));
        var teams = new TeamsTenantFake();
        var teamsUrl = await teams.StartAsync();
        await using var discord = await FakeDiscordApi.StartAsync(TimeProvider.System);
        discord.BucketLimit = 1000; // Per-route buckets are not the subject here; the global limit is.
        discord.GlobalLimit = DiscordPerSecond;

        var teamsCount = only switch { "teams" => recipients, "discord" => 0, _ => recipients / 2 };
        var discordCount = recipients - teamsCount;
        var dbPath = Path.Combine(folder, "bench.db");
        Seed(dbPath, teamsUrl, teamsCount, discordCount);

        var (key, hash) = AdminApiKeys.NewKey();
        await using var bot = BalanceBot.Program.BuildServer(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = dbPath,
            ["Dialogs:Path"] = RepositoryPaths.Dialogs,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Reminders:FirstSweepDelaySeconds"] = "86400",
            ["Broadcasts:DispatchIntervalSeconds"] = "1",
            ["Admin:ApiKeySha256:0"] = hash,
            ["Discord:ApplicationId"] = "1187654321098765432",
            ["Discord:PublicKey"] = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            ["Discord:BotToken"] = FakeDiscordApi.BotToken,
            ["Discord:ApiBaseUrl"] = discord.BaseUrl,
        }));
        await bot.StartAsync();
        var address = new Uri(bot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var minimum = Math.Max((double)teamsCount / TeamsPerSecond, 2.0 * discordCount / DiscordPerSecond);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BalanceBot broadcast benchmark: {recipients:N0} recipients ({teamsCount:N0} Teams, {discordCount:N0} Discord with no DM channel yet), {Environment.ProcessorCount} cores; the limits allow it in {minimum:F1} s at best"));
        var peak = 0L;
        var clock = Stopwatch.StartNew();
        using var created = await http.PostAsJsonAsync("/api/admin/broadcasts", new { text = "Stand-up Friday: a 5-minute stretch at 11:00" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        JsonObject status;
        TimeSpan? teamsDone = null, discordDone = null;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            peak = Math.Max(peak, Process.GetCurrentProcess().WorkingSet64);
            teamsDone ??= teams.Received.Count >= teamsCount ? clock.Elapsed : null;
            discordDone ??= discord.Messages.Count >= discordCount ? clock.Elapsed : null;
            status = (await http.GetFromJsonAsync<JsonObject>($"/api/admin/broadcasts/{id}"))!;
        }
        while (!status["finished"]!.GetValue<bool>());

        clock.Stop();
        var teamsReceived = teams.Received.Values.Sum();
        var teamsDuplicates = teams.Received.Values.Count(n => n > 1);
        var discordChannels = discord.MessageChannels.GroupBy(c => c).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"finished in {clock.Elapsed.TotalSeconds:F1} s = {clock.Elapsed.TotalSeconds / minimum:F2} x the minimum (Teams done after {teamsDone?.TotalSeconds:F1} s, Discord after {discordDone?.TotalSeconds:F1} s); states {status["states"]!.ToJsonString()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Teams fake: {teamsReceived:N0} activities to {teams.Received.Count:N0} conversations, {teamsDuplicates} duplicated, {teams.Refused:N0} refused with 429"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Discord fake: {discord.Messages.Count:N0} messages to {discordChannels.Count:N0} channels, {discordChannels.Count(g => g.Count() > 1)} duplicated, {discord.DmChannelsCreatedFor.Count:N0} DM channels opened, {discord.GlobalRejections:N0} global 429s, {discord.BucketViolations} bucket violations"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lost: {teamsCount - teams.Received.Count + discordCount - discordChannels.Count}; memory: peak working set {peak / 1024 / 1024} MiB, GC heap {GC.GetTotalMemory(false) / 1024 / 1024} MiB"));
        await bot.StopAsync();
        await teams.DisposeAsync();
        return 0;
    }

    private static void Seed(string dbPath, string teamsUrl, int teamsCount, int discordCount)
    {
        using var database = new BalanceBotDatabase(Options.Create(new StorageOptions { Path = dbPath }));
        var users = new LiteDbUserStore(database);
        database.Database.BeginTrans();
        for (var i = 0; i < teamsCount; i++)
        {
            var reference = new ConversationReference("msteams", teamsUrl, new ConversationReferenceConversation($"a:{i}", "personal", "tenant-1"),
                new ConversationReferenceAccount($"29:user-{i}", null, null), new ConversationReferenceAccount("28:bot", "BalanceBot", null), "en-GB");
            Save(users, $"msteams:29:user-{i}", new ConversationAddress(ChannelNames.BotFramework, JsonSerializer.Serialize(reference, BotFrameworkJson.Default.ConversationReference)));
        }

        for (var i = 0; i < discordCount; i++)
        {
            var userId = (300_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
            Save(users, "discord:" + userId, new ConversationAddress("discord", userId));
        }

        database.Database.Commit();
    }

    private static void Save(LiteDbUserStore users, string key, ConversationAddress address) =>
        users.SaveAsync(new UserRecord { Key = key, FirstSeenUtc = DateTimeOffset.UnixEpoch, Address = address, TimeZone = "Europe/Berlin" }, CancellationToken.None)
            .AsTask().GetAwaiter().GetResult();

    /// <summary>Teams' connector for one tenant: at most 30 requests in any second, 429 with Retry-After beyond.</summary>
    private sealed class TeamsTenantFake : IAsyncDisposable
    {
        private readonly ArrivalWindow _window = new(TimeProvider.System);
        private WebApplication? _app;

        public ConcurrentDictionary<string, int> Received { get; } = new(StringComparer.Ordinal);

        public int Refused;

        public async Task<string> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            _app = builder.Build();
            _app.MapPost("/v3/conversations/{conversation}/activities", (string conversation, HttpContext http) =>
            {
                if (!_window.TryAdmit(TeamsPerSecond, out _))
                {
                    Interlocked.Increment(ref Refused);
                    http.Response.Headers.RetryAfter = "1";
                    return Results.StatusCode(429);
                }

                Received.AddOrUpdate(conversation, 1, (_, n) => n + 1);
                return Results.Json(new { id = "1" });
            });
            await _app.StartAsync();
            return _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}
