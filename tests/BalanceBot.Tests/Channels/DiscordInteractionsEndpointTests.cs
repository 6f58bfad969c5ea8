using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace BalanceBot.Tests.Channels;

/// <summary><c>POST /api/discord/interactions</c>: signed requests only, PING answered inline, nothing answered with an error Discord would show.</summary>
public sealed class DiscordInteractionsEndpointTests
{
    private const string Route = "/api/discord/interactions";
    private const string ApplicationId = "787271007046991882";

    private static Task<BotServer> StartAsync(string publicKey, DateTimeOffset now, CapturedLogs? logs = null) =>
        BotServer.StartAsync(
            new Dictionary<string, string?> { ["Discord:ApplicationId"] = ApplicationId, ["Discord:PublicKey"] = publicKey },
            logs,
            now: now);

    private static async Task<HttpResponseMessage> PostAsync(BotServer bot, byte[] body, string? timestamp, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (timestamp is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);
        }

        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signature);
        }

        return await bot.Http.SendAsync(request);
    }

    [Fact]
    public async Task The_PING_Discord_sent_is_answered_inline_with_PONG()
    {
        var ping = DiscordFixtures.PingVector();
        await using var bot = await StartAsync(ping.PublicKey, ping.SignedAt.AddSeconds(2));

        var response = await PostAsync(bot, DiscordFixtures.Bytes("interaction-ping.json"), ping.Timestamp, ping.Signature);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("no signature header")]
    [InlineData("no timestamp header")]
    [InlineData("no headers")]
    [InlineData("body changed")]
    [InlineData("body re-serialised")]
    [InlineData("timestamp changed")]
    [InlineData("signature not hex")]
    [InlineData("signature too short")]
    [InlineData("signature bit flipped")]
    [InlineData("signed by another key")]
    [InlineData("timestamp older than five minutes")]
    [InlineData("timestamp not a number")]
    public async Task A_request_that_fails_the_check_gets_401_never_500(string forgery)
    {
        var ping = DiscordFixtures.PingVector();
        using var other = new TestDiscordApplication();
        var publicKey = forgery == "signed by another key" ? other.PublicKey : ping.PublicKey;
        await using var bot = await StartAsync(publicKey, ping.SignedAt.AddSeconds(2));
        var body = DiscordFixtures.Bytes("interaction-ping.json");
        string? timestamp = ping.Timestamp;
        string? signature = ping.Signature;
        switch (forgery)
        {
            case "no signature header": signature = null; break;
            case "no timestamp header": timestamp = null; break;
            case "no headers": signature = timestamp = null; break;
            case "body changed": body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"type\":1", "\"type\":2", StringComparison.Ordinal)); break;
            case "body re-serialised": body = Encoding.UTF8.GetBytes(JsonNode.Parse(body)!.ToJsonString(new() { WriteIndented = true })); break;
            case "timestamp changed": timestamp = (long.Parse(ping.Timestamp, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture); break;
            case "signature not hex": signature = new string('z', 128); break;
            case "signature too short": signature = ping.Signature[..64]; break;
            case "signature bit flipped": signature = (ping.Signature[0] == '0' ? "1" : "0") + ping.Signature[1..]; break;
            case "timestamp older than five minutes": bot.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1)); break;
            case "timestamp not a number": timestamp = "yesterday"; break;
        }

        var response = await PostAsync(bot, body, timestamp, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("interaction-application-command.json", 4)]
    [InlineData("interaction-message-component-button.json", 4)]
    [InlineData("interaction-message-component-string-select.json", 4)]
    [InlineData("interaction-modal-submit.json", 4)]
    [InlineData("interaction-autocomplete.json", 8)]
    public async Task Every_interaction_fixture_gets_a_response_of_a_type_Discord_accepts_for_it(string fixture, int callbackType)
    {
        using var application = new TestDiscordApplication();
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var logs = new CapturedLogs();
        await using var bot = await StartAsync(application.PublicKey, now, logs);
        var signed = application.Sign(DiscordFixtures.Bytes(fixture), now);

        var response = await PostAsync(bot, signed.Body, signed.Timestamp, signed.Signature);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(callbackType, answer["type"]!.GetValue<int>());
        if (callbackType == 4)
        {
            // Ephemeral: only the person who clicked or typed sees it, as any health-related answer must be.
            Assert.Equal(64, answer["data"]!["flags"]!.GetValue<int>());
            Assert.False(string.IsNullOrWhiteSpace(answer["data"]!["content"]!.GetValue<string>()));
        }

        Assert.DoesNotContain(logs.Entries, e => e.Contains("A_UNIQUE_TOKEN", StringComparison.Ordinal) || e.Contains("unique_interaction_token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_interaction_type_is_answered_politely_and_malformed_JSON_gets_400()
    {
        using var application = new TestDiscordApplication();
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        await using var bot = await StartAsync(application.PublicKey, now);

        var unknown = application.Sign("""{"id":"1","type":99,"token":"t","version":1}"""u8.ToArray(), now);
        var answer = await PostAsync(bot, unknown.Body, unknown.Timestamp, unknown.Signature);
        var broken = application.Sign("""{"id":"1","type":"""u8.ToArray(), now);
        var refused = await PostAsync(bot, broken.Body, broken.Timestamp, broken.Signature);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(4, JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["type"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task Without_Discord_settings_the_route_does_not_exist()
    {
        await using var bot = await BotServer.StartAsync();
        var ping = DiscordFixtures.PingVector();

        var response = await PostAsync(bot, ping.Body, ping.Timestamp, ping.Signature);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
