using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Users;
using Microsoft.Extensions.Time.Testing;

namespace BalanceBot.Tests.Hosting;

/// <summary>
/// Issue 8 fuzzing: 10,000 payloads made from the real fixtures by truncating, retyping, bloating, nesting, breaking
/// UTF-8, inventing enum values and nulling everything, posted to /api/messages and (signed) to the Discord endpoint.
/// Nothing may answer 5xx or log an error, the server must go on serving, and what it stored must stay readable.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private const int Seed = 20261126;
    private const int TeamsPayloads = 6_000;
    private const int DiscordPayloads = 4_000;

    private readonly TestDiscordApplication _discordApp = new();

    [Fact]
    public async Task Ten_thousand_broken_payloads_get_no_5xx_no_error_log_and_leave_the_server_serving_with_readable_state()
    {
        var logs = new CapturedLogs();
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        await using var discord = await FakeDiscordApi.StartAsync(time);
        await using var bot = await BotServer.StartAsync(BalanceBot.Tests.Channels.DiscordDialogTests.DiscordSettings(_discordApp.PublicKey, discord.BaseUrl), logs, time: time);
        var random = new Random(Seed);
        var teamsSeeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "botframework"), "teams-*.json").Select(f => bot.Fixture(Path.GetFileName(f))).ToList();
        var discordSeeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "discord"), "interaction-*.json")
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject()).ToList();

        var teams = Enumerable.Range(0, TeamsPayloads)
            .Select(i => PayloadMutator.Mutate(InItsOwnTenant(teamsSeeds[random.Next(teamsSeeds.Count)], i), random))
            .Select(p => (p.Kind, KeepOnLoopback(p.Body, bot.Connector.ServiceUrl)))
            .ToList();
        var interactions = Enumerable.Range(0, DiscordPayloads).Select(_ => PayloadMutator.Mutate(discordSeeds[random.Next(discordSeeds.Count)], random)).ToList();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<(string Endpoint, string Kind, int Status)>();
        await Parallel.ForEachAsync(teams.Select(p => ("teams", p)).Concat(interactions.Select(p => ("discord", p))), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, _) =>
        {
            var (endpoint, (kind, body)) = item;
            try
            {
                using var response = endpoint == "teams" ? await PostTeamsAsync(bot, body) : await PostDiscordAsync(bot, body, time.GetUtcNow());
                statuses.Add((endpoint, kind, (int)response.StatusCode));
            }
            catch (HttpRequestException) when (body.Length > BalanceBot.Hosting.InboundLimits.MaxRequestBodyBytes)
            {
                // Refusing a body over the cap, the server may close the connection before the client finished sending it.
                statuses.Add((endpoint, kind, 413));
            }
            catch (HttpRequestException)
            {
                // The server broke off the answer: as bad as a 5xx.
                statuses.Add((endpoint, kind + " (" + body.Length + " bytes, connection dropped)", 599));
            }
        });

        Assert.Equal(TeamsPayloads + DiscordPayloads, statuses.Count);
        var serverErrors = statuses.Where(s => s.Status >= 500).GroupBy(s => $"{s.Endpoint} {s.Kind} {s.Status}").Select(g => $"{g.Key} x{g.Count()}").ToList();
        Assert.True(serverErrors.Count == 0, "5xx answers (seed " + Seed + "): " + string.Join("; ", serverErrors));
        Assert.Contains(statuses, s => s.Status == 400);
        Assert.Contains(statuses, s => s.Status == 200);
        var errors = logs.Entries.Where(e => e.StartsWith("Error", StringComparison.Ordinal) || e.StartsWith("Critical", StringComparison.Ordinal)).Take(3).ToList();
        Assert.True(errors.Count == 0, "Logged errors: " + string.Join("\n", errors));

        // Still serving, and everything stored can be read back through the stores.
        var hello = bot.Message("hi", "after-fuzz");
        hello["from"]!["id"] = "29:after-fuzz";
        hello["conversation"]!["id"] = "a:after-fuzz";
        using var answered = await bot.PostAsync(hello);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains(bot.Connector.Drain(), a => a.RawTarget.Contains("after-fuzz", StringComparison.Ordinal));
        Assert.NotEmpty(bot.App.Services.GetRequiredService<IUserStore>().All().ToList());
        var states = bot.App.Services.GetRequiredService<IConversationStateStore>();
        foreach (var key in bot.Database.Database.GetCollection("conversations").FindAll().Select(d => d["_id"].AsString).ToList())
        {
            Assert.NotNull(await states.LoadAsync(key, CancellationToken.None));
        }
    }

    /// <summary>
    /// Each payload in a conversation and tenant of its own: Teams pacing (7 a second per conversation, 30 per
    /// tenant) would otherwise make the replies of valid ones queue for minutes.
    /// </summary>
    private static JsonObject InItsOwnTenant(JsonObject seed, int index)
    {
        var payload = seed.DeepClone().AsObject();
        var tenant = $"fuzz-tenant-{index}";
        if (payload["conversation"] is JsonObject conversation)
        {
            conversation["id"] = $"a:fuzz-{index}";
            conversation["tenantId"] = tenant;
        }

        if (payload["channelData"]?["tenant"] is JsonObject channelTenant)
        {
            channelTenant["id"] = tenant;
        }

        return payload;
    }

    /// <summary>
    /// A flipped byte can turn the fake connector's address into another host (127.0.0.1 into a name to resolve):
    /// with no DNS on this machine the reply's send then waits for the network, which tests the sandbox, not the bot.
    /// Such a payload gets the loopback address back; every other broken serviceUrl stays as it is.
    /// </summary>
    private static byte[] KeepOnLoopback(byte[] body, string serviceUrl)
    {
        var loopback = new Uri(serviceUrl);
        try
        {
            if (JsonNode.Parse(body) is JsonObject json && json["serviceUrl"] is JsonValue value && value.TryGetValue<string>(out var url)
                && Uri.TryCreate(url, UriKind.Absolute, out var target) && target.Authority != loopback.Authority)
            {
                json["serviceUrl"] = serviceUrl;
                return System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
            }
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            // Not readable JSON any more: it never gets as far as sending.
        }

        return body;
    }

    private static async Task<HttpResponseMessage> PostTeamsAsync(BotServer bot, byte[] body)
    {
        // A fresh connection each: a refused oversized body may end its connection, and the next request on it
        // would fail for that reason, not its own.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.ConnectionClose = true;
        return await bot.Http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostDiscordAsync(BotServer bot, byte[] body, DateTimeOffset now)
    {
        var signed = _discordApp.Sign(body, now);
        using var request = new HttpRequestMessage(HttpMethod.Post, SignedDiscordClient.Route) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", signed.Timestamp);
        request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signed.Signature);
        request.Headers.ConnectionClose = true;
        return await bot.Http.SendAsync(request);
    }

    public void Dispose() => _discordApp.Dispose();
}
