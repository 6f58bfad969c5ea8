using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BalanceBot.Channels.BotFramework;

namespace BalanceBot.Tests.Channels;

/// <summary>Bot Framework Emulator tokens (botframework.md §2.3): accepted only when a development setting allows them.</summary>
public sealed class EmulatorTokenTests : IAsyncLifetime
{
    private const string AppId = "9c1f8a2e-4b7d-4e21-9a55-3c0a7d1e0b0b";
    private const string EmulatorIssuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";

    private FakeIdentityProvider _channel = null!;
    private FakeIdentityProvider _emulator = null!;

    public async Task InitializeAsync()
    {
        _channel = await FakeIdentityProvider.StartAsync();
        _emulator = await FakeIdentityProvider.StartAsync(EmulatorIssuer);
    }

    private Task<BotServer> StartAsync(bool allowEmulatorTokens) => BotServer.StartAsync(
        new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "test-secret",
            ["ToBotFromChannelOpenIdMetadataUrl"] = _channel.MetadataUrl,
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = _emulator.MetadataUrl,
            ["ToChannelFromBotLoginUrl"] = "https://login.test/",
            ["AllowEmulatorTokens"] = allowEmulatorTokens ? "true" : "false",
        },
        services: services => services.AddHttpClient(MsalHttpClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new LoopbackRedirect(_channel.BaseUrl)));

    private static async Task<HttpStatusCode> PostAsync(BotServer bot, string token, string channelId = "emulator", string? serviceUrl = null)
    {
        var activity = bot.Fixture("teams-personal-message.json");
        activity["channelId"] = channelId;
        if (serviceUrl is not null)
        {
            activity["serviceUrl"] = serviceUrl;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return (await bot.Http.SendAsync(request)).StatusCode;
    }

    /// <summary>An Emulator token issued for this bot (aud = the app id), as issue 14 §4 requires.</summary>
    private string EmulatorToken(string claim, string appId, string version, string? audience = null) =>
        _emulator.IssueToken(audience ?? AppId, serviceUrl: null, extraClaims: new Dictionary<string, string> { [claim] = appId, ["ver"] = version });

    [Theory]
    [InlineData("the bot's own outbound token shape: aud api.botframework.com")]
    [InlineData("aud another app")]
    [InlineData("a channel other than emulator")]
    [InlineData("a serviceUrl off this machine")]
    public async Task With_Emulator_tokens_allowed_aud_channel_and_serviceUrl_are_still_bound(string forgery)
    {
        await using var bot = await StartAsync(allowEmulatorTokens: true);
        var status = forgery switch
        {
            "the bot's own outbound token shape: aud api.botframework.com" => await PostAsync(bot, EmulatorToken("appid", AppId, "1.0", audience: "https://api.botframework.com")),
            "aud another app" => await PostAsync(bot, EmulatorToken("azp", AppId, "2.0", audience: "0a1b2c3d-0000-4000-8000-000000000000")),
            "a channel other than emulator" => await PostAsync(bot, EmulatorToken("azp", AppId, "2.0"), channelId: "msteams"),
            _ => await PostAsync(bot, EmulatorToken("azp", AppId, "2.0"), serviceUrl: "https://smba.trafficmanager.net/emea/"),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(0, bot.Database.Database.GetCollection("users").Count());
    }

    [Fact]
    public async Task Emulator_tokens_outside_Development_on_a_public_binding_stop_start_up_naming_the_setting()
    {
        var folder = Path.Combine(Path.GetTempPath(), "balancebot-tests", Guid.NewGuid().ToString("N"));
        var failure = await Record.ExceptionAsync(async () =>
        {
            await using var app = BotServer.BuildApp(folder, new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "test-secret",
                ["AllowEmulatorTokens"] = "true",
                ["urls"] = "http://0.0.0.0:0",
            }, new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        });

        var validation = Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(failure);
        Assert.Contains(validation.Failures, f => f.StartsWith("AllowEmulatorTokens is for development", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Emulator_tokens_are_refused_unless_the_development_setting_allows_them()
    {
        await using var bot = await StartAsync(allowEmulatorTokens: false);

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(bot, EmulatorToken("azp", AppId, "2.0")));
        Assert.Equal(0, _emulator.MetadataFetches);
    }

    [Fact]
    public async Task When_allowed_an_Emulator_token_for_this_app_is_accepted_and_one_for_another_app_is_not()
    {
        await using var bot = await StartAsync(allowEmulatorTokens: true);

        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, EmulatorToken("azp", AppId, "2.0")));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, EmulatorToken("appid", AppId, "1.0")));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(bot, EmulatorToken("azp", "0a1b2c3d-0000-4000-8000-000000000000", "2.0")));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(bot, EmulatorToken("appid", AppId, "2.0")));
    }

    [Fact]
    public async Task When_the_signing_keys_cannot_be_fetched_the_answer_is_503_not_500()
    {
        await using var bot = await BotServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "test-secret",
                ["ToBotFromChannelOpenIdMetadataUrl"] = "http://127.0.0.1:9/v1/.well-known/openidconfiguration",
            });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await PostAsync(bot, _channel.IssueToken(AppId, bot.Connector.ServiceUrl)));
    }

    public async Task DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _emulator.DisposeAsync();
    }
}
