using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BalanceBot.Admin;
using Microsoft.Extensions.Time.Testing;

namespace BalanceBot.Tests.Admin;

/// <summary>Issue 14 §6: a broadcast in the past is refused, not sent at once; one that reaches nobody is refused unless asked.</summary>
public sealed class BroadcastValidationTests : IAsyncLifetime
{
    private static readonly (string Key, string Sha256) AdminKey = AdminApiKeys.NewKey();
    private static readonly string[] UnknownTag = ["no-such-team"];
    private static readonly string[] PostureWeek = ["Day 1: shoulders back", "Day 2: screen at eye level"];

    private BotServer _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotServer.StartAsync(
            new Dictionary<string, string?> { ["Admin:ApiKeySha256:0"] = AdminKey.Sha256 },
            time: new FakeTimeProvider(new DateTimeOffset(2026, 3, 27, 9, 0, 0, TimeSpan.Zero)));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("utc 2020", "when.at")]
    [InlineData("utc year 1", "when.at")]
    [InlineData("utc six minutes ago", "when.at")]
    [InlineData("local 2020", "when.date")]
    [InlineData("local year 1", "when.date")]
    public async Task A_time_more_than_five_minutes_in_the_past_gets_400_naming_the_field_and_nothing_is_queued(string when, string field)
    {
        await SeedUserAsync();
        object timing = when switch
        {
            "utc 2020" => new { mode = "utc", at = "2020-01-01T09:00:00Z" },
            "utc year 1" => new { mode = "utc", at = "0001-01-01T00:00:00Z" },
            "utc six minutes ago" => new { mode = "utc", at = "2026-03-27T08:54:00Z" },
            "local 2020" => new { mode = "local", date = "2020-03-09", time = "10:00" },
            _ => new { mode = "local", date = "0001-01-01", time = "10:00" },
        };

        using var response = await SendAsync(new { text = "Stand-up Friday", when = timing });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), string.Join(", ", errors.Select(e => e.Key)));
        Assert.Equal(0, _bot.Database.Database.GetCollection("broadcasts").Count());
    }

    [Fact]
    public async Task Four_minutes_ago_is_still_accepted_as_a_start()
    {
        await SeedUserAsync();
        using var response = await SendAsync(new { text = "Stand-up Friday", when = new { mode = "utc", at = "2026-03-27T08:56:00Z" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_broadcast_that_would_reach_nobody_gets_400_on_audience_unless_allowEmpty_is_set()
    {
        using (var noUsers = await SendAsync(new { text = "Stand-up Friday" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noUsers.StatusCode);
            Assert.True((await noUsers.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("audience"));
        }

        await SeedUserAsync();
        using (var unknownTag = await SendAsync(new { text = "Stand-up Friday", audience = new { tags = UnknownTag } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknownTag.StatusCode);
            var reason = (await unknownTag.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["audience"]![0]!.GetValue<string>();
            Assert.Contains("no-such-team", reason, StringComparison.Ordinal);
        }

        Assert.Equal(0, _bot.Database.Database.GetCollection("broadcasts").Count());
        using var allowed = await SendAsync(new { text = "Stand-up Friday", audience = new { tags = UnknownTag }, allowEmpty = true });
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Equal(1, _bot.Database.Database.GetCollection("broadcasts").Count());
    }

    [Theory]
    [InlineData("campaign 9999", "startDate")]
    [InlineData("utc 9999", "when.at")]
    [InlineData("local 9999", "when.date")]
    [InlineData("campaign two years ahead", "startDate")]
    public async Task Far_future_dates_get_400_naming_the_field_not_500(string when, string field)
    {
        await SeedUserAsync();
        var (path, body) = when switch
        {
            "campaign 9999" => ("/api/admin/campaigns", (object)new { name = "Posture", messages = PostureWeek, startDate = "9999-12-31", time = "10:00" }),
            "campaign two years ahead" => ("/api/admin/campaigns", new { name = "Posture", messages = PostureWeek, startDate = "2028-03-27", time = "10:00" }),
            "utc 9999" => ("/api/admin/broadcasts", new { text = "Stand-up", when = new { mode = "utc", at = "9999-12-31T23:59:59Z" } }),
            _ => ("/api/admin/broadcasts", new { text = "Stand-up", when = new { mode = "local", date = "9999-12-31", time = "10:00" } }),
        };

        using var response = await SendAsync(body, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.Any(e => e.Key == field || e.Key.EndsWith("." + field, StringComparison.Ordinal)), string.Join(", ", errors.Select(e => e.Key)));
        Assert.Equal(0, _bot.Database.Database.GetCollection("broadcasts").Count());
    }

    private async Task SeedUserAsync()
    {
        using var response = await _bot.PostAsync(_bot.Message("hi", "seed"));
        Assert.True(response.IsSuccessStatusCode);
        _bot.Connector.Drain();
    }

    private async Task<HttpResponseMessage> SendAsync(object body, string path = "/api/admin/broadcasts")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey.Key);
        return await _bot.Http.SendAsync(request);
    }
}
