using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BalanceBot.Channels.BotFramework;

namespace BalanceBot.Tests.Channels;

/// <summary>
/// Issue 14 §3: a captured credential reads nobody's data. A channel token may not ask for replies in the HTTP
/// response, an export link never travels in one, and a replayed signed Discord interaction is refused for the whole
/// timestamp window.
/// </summary>
public sealed class CapturedCredentialTests
{
    private const string AppId = "9c1f8a2e-4b7d-4e21-9a55-3c0a7d1e0b0b";

    [Fact]
    public async Task A_channel_token_with_expectReplies_is_refused_with_400_and_the_turn_does_not_run()
    {
        await using var identity = await FakeIdentityProvider.StartAsync();
        await using var bot = await BotServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "test-secret",
                ["ToBotFromChannelOpenIdMetadataUrl"] = identity.MetadataUrl,
                ["ToChannelFromBotLoginUrl"] = "https://login.test/",
            },
            services: services => services.AddHttpClient(MsalHttpClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new LoopbackRedirect(identity.BaseUrl)));
        var activity = bot.Message("export my data", "captured-1");
        activity["deliveryMode"] = "expectReplies";
        activity["from"]!["id"] = "29:someone-else";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + identity.IssueToken(AppId, bot.Connector.ServiceUrl));

        using var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, bot.Database.Database.GetCollection("users").Count());
        Assert.Empty(bot.Connector.Drain());
    }

    [Fact]
    public async Task In_local_mode_an_expectReplies_export_never_carries_the_link_in_the_HTTP_response()
    {
        await using var bot = await BotServer.StartAsync(new Dictionary<string, string?> { ["Privacy:PublicUrl"] = "https://bot.example.com" });
        var hello = bot.Message("hi", "local-1");
        hello["deliveryMode"] = "expectReplies";
        (await bot.PostAsync(hello)).Dispose();
        var export = bot.Message("export my data", "local-2");
        export["deliveryMode"] = "expectReplies";

        using var response = await bot.PostAsync(export);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(BalanceBot.Hosting.DataExportLinks.Path, body, StringComparison.Ordinal);
        Assert.DoesNotContain("link=", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_signed_Discord_interaction_is_refused_even_after_40_others_inside_the_timestamp_window()
    {
        using var application = new TestDiscordApplication();
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(start);
        await using var discord = await FakeDiscordApi.StartAsync(time);
        await using var bot = await BotServer.StartAsync(DiscordDialogTests.DiscordSettings(application.PublicKey, discord.BaseUrl), now: start, time: time);
        var user = new DiscordInteractionBuilder("787271007046991882", "53908232506183680");
        var captured = user.Command("export");
        var signed = application.Sign(captured, bot.Time.GetUtcNow());
        Assert.Equal(HttpStatusCode.OK, await PostSignedAsync(bot, signed));

        var client = new SignedDiscordClient(bot.Http, application, () => bot.Time.GetUtcNow());
        for (var i = 0; i < 40; i++)
        {
            await client.AnswerAsync(user.Command("help"));
        }

        bot.Time.Advance(TimeSpan.FromSeconds(200));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostSignedAsync(bot, signed));
    }

    [Fact]
    public async Task A_Discord_export_link_is_sent_with_link_previews_suppressed()
    {
        using var application = new TestDiscordApplication();
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(start);
        await using var discord = await FakeDiscordApi.StartAsync(time);
        var settings = DiscordDialogTests.DiscordSettings(application.PublicKey, discord.BaseUrl);
        settings["Privacy:PublicUrl"] = "https://bot.example.com";
        await using var bot = await BotServer.StartAsync(settings, now: start, time: time);
        var user = new DiscordInteractionBuilder("787271007046991882", "53908232506183680");
        var client = new SignedDiscordClient(bot.Http, application, () => bot.Time.GetUtcNow());
        await client.AnswerAsync(user.Command("help"));

        var answer = await client.AnswerAsync(user.Command("export"));

        var data = answer["data"]!;
        Assert.Contains(BalanceBot.Hosting.DataExportLinks.Path, data["content"]!.GetValue<string>(), StringComparison.Ordinal);
        const int suppressEmbeds = 1 << 2; // Discord's SUPPRESS_EMBEDS message flag
        Assert.Equal(suppressEmbeds, (data["flags"]?.GetValue<int>() ?? 0) & suppressEmbeds);
    }

    private static async Task<HttpStatusCode> PostSignedAsync(BotServer bot, SignedRequest signed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, SignedDiscordClient.Route) { Content = new ByteArrayContent(signed.Body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", signed.Timestamp);
        request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signed.Signature);
        using var response = await bot.Http.SendAsync(request);
        return response.StatusCode;
    }
}
