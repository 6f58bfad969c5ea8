using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BalanceBot.Channels.BotFramework;
using BalanceBot.Core.Reminders;
using BalanceBot.Scheduling;
using LiteDB;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;

namespace BalanceBot.Tests.Channels;

/// <summary>Inbound tokens (botframework.md §2) and outbound MSAL tokens, against a loopback identity provider.</summary>
public sealed class BotFrameworkAuthTests : IAsyncLifetime
{
    private const string AppId = "9c1f8a2e-4b7d-4e21-9a55-3c0a7d1e0b0b";

    private FakeIdentityProvider _identity = null!;
    private BotServer _bot = null!;

    public async Task InitializeAsync()
    {
        _identity = await FakeIdentityProvider.StartAsync();
        _bot = await BotServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "test-secret",
                ["ToBotFromChannelOpenIdMetadataUrl"] = _identity.MetadataUrl,
                ["ToChannelFromBotLoginUrl"] = "https://login.test/",
                ["SigningKeysRefreshSeconds"] = "0",
            },
            services: services => services.AddHttpClient(MsalHttpClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new LoopbackRedirect(_identity.BaseUrl)));
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await _bot.Http.SendAsync(request);
    }

    private string ValidToken() => _identity.IssueToken(AppId, _bot.Connector.ServiceUrl);

    [Theory]
    [InlineData("no Authorization header")]
    [InlineData("Basic scheme")]
    [InlineData("Bearer without a token")]
    [InlineData("lower-case bearer")]
    [InlineData("two tokens")]
    [InlineData("not a JWT")]
    [InlineData("expired")]
    [InlineData("not yet valid")]
    [InlineData("wrong audience")]
    [InlineData("token for another app id")]
    [InlineData("wrong issuer")]
    [InlineData("alg none")]
    [InlineData("HS256 signed with the public key")]
    [InlineData("signed by an unknown key")]
    [InlineData("no serviceurl claim")]
    [InlineData("serviceurl claim names another service")]
    [InlineData("body serviceUrl moved to another host")]
    [InlineData("channel not endorsed")]
    public async Task A_forged_request_is_refused_with_401_and_nothing_is_stored(string forgery)
    {
        var activity = _bot.Fixture("teams-personal-message.json");
        var header = forgery switch
        {
            "no Authorization header" => null,
            "Basic scheme" => "Basic dXNlcjpwYXNzd29yZA==",
            "Bearer without a token" => "Bearer",
            "lower-case bearer" => "bearer " + ValidToken(),
            "two tokens" => $"Bearer {ValidToken()} {ValidToken()}",
            "not a JWT" => "Bearer not.a.jwt",
            "expired" => "Bearer " + _identity.IssueToken(AppId, _bot.Connector.ServiceUrl, validFrom: TimeSpan.FromHours(-3), lifetime: TimeSpan.FromHours(1)),
            "not yet valid" => "Bearer " + _identity.IssueToken(AppId, _bot.Connector.ServiceUrl, validFrom: TimeSpan.FromHours(1)),
            "wrong audience" => "Bearer " + _identity.IssueToken("https://api.botframework.com", _bot.Connector.ServiceUrl),
            "token for another app id" => "Bearer " + _identity.IssueToken("0a1b2c3d-0000-4000-8000-000000000000", _bot.Connector.ServiceUrl),
            "wrong issuer" => "Bearer " + _identity.IssueToken(AppId, _bot.Connector.ServiceUrl, issuer: "https://sts.example.com/"),
            "alg none" => "Bearer " + Unsigned(),
            "HS256 signed with the public key" => "Bearer " + SignedWithPublicKeyAsSecret(),
            "signed by an unknown key" => "Bearer " + _identity.IssueToken(AppId, _bot.Connector.ServiceUrl, signWith: FakeIdentityProvider.NewKey()),
            "no serviceurl claim" => "Bearer " + _identity.IssueToken(AppId, serviceUrl: null),
            "serviceurl claim names another service" => "Bearer " + _identity.IssueToken(AppId, "https://smba.trafficmanager.net/amer/"),
            "body serviceUrl moved to another host" => "Bearer " + ValidToken(),
            "channel not endorsed" => "Bearer " + ValidToken(),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };
        if (forgery == "body serviceUrl moved to another host")
        {
            activity["serviceUrl"] = "http://127.0.0.2:9/";
        }

        if (forgery == "channel not endorsed")
        {
            activity["channelId"] = "slack";
        }

        var response = await PostAsync(activity, header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _bot.Database.Database.GetCollection("conversations").Count());
        Assert.Equal(0, _bot.Database.Database.GetCollection("users").Count());
        Assert.Equal(0, _bot.Connector.Count);
    }

    [Fact]
    public async Task A_valid_token_is_accepted_and_replies_carry_an_MSAL_token_that_is_reused()
    {
        var first = await PostAsync(_bot.Fixture("teams-personal-message.json"), "Bearer " + ValidToken());
        var replies = await _bot.Connector.TakeAsync(4);
        var second = await PostAsync(_bot.Message("yes", "m2"), "Bearer " + ValidToken());
        var menu = await _bot.Connector.TakeAsync(1);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.All(replies.Concat(menu), r => Assert.Equal("Bearer bot-token-botframework.com-1", r.Authorization));
        Assert.Equal(1, _identity.TokensIssued);
    }

    [Fact]
    public async Task A_reminder_sent_by_the_sweep_carries_the_bots_token()
    {
        await PostAsync(_bot.Fixture("teams-personal-message.json"), "Bearer " + ValidToken());
        await _bot.Connector.TakeAsync(4);
        var subscription = new ReminderSubscription { UserKey = "msteams:29:uniqueId", Schedule = ReminderSchedule.Default("Europe/Berlin") };
        subscription.Reschedule(Instant.FromDateTimeOffset(_bot.Time.GetUtcNow()));
        await _bot.App.Services.GetRequiredService<IReminderStore>().SaveAsync(subscription, CancellationToken.None);
        _bot.Time.SetUtcNow(subscription.NextDueUtc!.Value.ToDateTimeOffset().AddSeconds(20));

        var summary = await _bot.App.Services.GetRequiredService<ReminderSweep>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, summary.Sent);
        var prompt = Assert.Single(await _bot.Connector.TakeAsync(1));
        Assert.Equal("/v3/conversations/a%3AuniqueId/activities", prompt.RawTarget);
        Assert.Null(prompt.Body["replyToId"]);
        Assert.StartsWith("Bearer bot-token-botframework.com-", prompt.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_secret_goes_to_the_token_endpoint_for_the_botframework_tenant_and_scope()
    {
        await PostAsync(_bot.Fixture("teams-personal-message.json"), "Bearer " + ValidToken());
        await _bot.Connector.TakeAsync(4);

        var request = Assert.Single(_identity.TokenRequests);
        Assert.Equal("client_credentials", request["grant_type"]);
        Assert.Equal(AppId, request["client_id"]);
        Assert.Equal("test-secret", request["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", request["scope"]);
    }

    [Fact]
    public async Task A_token_that_is_not_a_well_formed_signed_jwt_is_refused_without_fetching_metadata()
    {
        static string Part(string json) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(json);
        var payload = Part($$"""{"iss":"{{FakeIdentityProvider.Issuer}}","aud":"{{AppId}}","exp":4102444800}""");
        var malformed = new[]
        {
            $"{Part("""{"alg":"none","typ":"JWT"}""")}.{payload}.",
            $"{Part("""{"alg":"RS256","typ":"JWT"}""")}.{payload}.c2lnbmF0dXJl",
            $"{Part("""{"alg":"HS256","kid":"k1","typ":"JWT"}""")}.{payload}.c2lnbmF0dXJl",
        };
        var fetchesBefore = _identity.MetadataFetches;

        foreach (var token in malformed)
        {
            var response = await PostAsync(_bot.Fixture("teams-personal-message.json"), "Bearer " + token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(fetchesBefore, _identity.MetadataFetches);
    }

    [Fact]
    public async Task Malformed_metadata_gives_503_not_500_and_the_failure_is_cached_for_the_refresh_interval()
    {
        await using var bot = await BotServer.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "test-secret",
            ["ToBotFromChannelOpenIdMetadataUrl"] = _identity.MetadataUrl,
            ["ToChannelFromBotLoginUrl"] = "https://login.test/",
            ["SigningKeysRefreshSeconds"] = "60",
        });
        _identity.MalformedMetadata = true;
        var token = _identity.IssueToken(AppId, bot.Connector.ServiceUrl);

        foreach (var id in new[] { "mm1", "mm2", "mm3" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(bot.Message("hi", id)) };
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            using var response = await bot.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        // Negative caching: an IdP that is down or broken is asked once per refresh interval, not once per request.
        Assert.Equal(1, _identity.MetadataFetches);
    }

    [Fact]
    public async Task A_key_rollover_is_picked_up_without_a_restart()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_bot.Fixture("teams-personal-message.json"), "Bearer " + ValidToken())).StatusCode);
        await _bot.Connector.TakeAsync(4);
        var fetchesBefore = _identity.MetadataFetches;

        _identity.Rotate();
        var afterRollover = await PostAsync(_bot.Message("yes", "m2"), "Bearer " + ValidToken());

        Assert.Equal(HttpStatusCode.OK, afterRollover.StatusCode);
        Assert.Equal(fetchesBefore + 1, _identity.MetadataFetches);
        Assert.Single(await _bot.Connector.TakeAsync(1));
    }

    [Fact]
    public async Task A_replayed_unknown_kid_is_not_refetched_again_so_it_cannot_use_up_a_genuine_rollover()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_bot.Fixture("teams-personal-message.json"), "Bearer " + ValidToken())).StatusCode);
        await _bot.Connector.TakeAsync(4);
        var fetchesBefore = _identity.MetadataFetches;
        var forged = "Bearer " + _identity.IssueToken(AppId, _bot.Connector.ServiceUrl, signWith: FakeIdentityProvider.NewKey());

        // The forged key id costs one refetch, however often it is sent.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_bot.Message("hi", $"forged{i}"), forged)).StatusCode);
        }

        Assert.Equal(fetchesBefore + 1, _identity.MetadataFetches);

        // After the refresh interval the same forged token is sent again: the JWKS was seen not to list its key id,
        // so it does not refetch and the refetch stays free for the genuine rollover that follows.
        _bot.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_bot.Message("hi", "forged-again"), forged)).StatusCode);
        Assert.Equal(fetchesBefore + 1, _identity.MetadataFetches);
        _identity.Rotate();

        var afterRollover = await PostAsync(_bot.Message("yes", "m2"), "Bearer " + ValidToken());

        Assert.Equal(HttpStatusCode.OK, afterRollover.StatusCode);
        Assert.Equal(fetchesBefore + 2, _identity.MetadataFetches);
    }

    private string Unsigned()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode($$"""{"iss":"https://api.botframework.com","aud":"{{AppId}}","serviceurl":"{{_bot.Connector.ServiceUrl}}","exp":{{TimeProvider.System.GetUtcNow().AddHours(1).ToUnixTimeSeconds()}}}""");
        return $"{header}.{payload}.";
    }

    private string SignedWithPublicKeyAsSecret()
    {
        // The classic algorithm-confusion attack: HMAC keyed with the RSA public key the attacker can download.
        var publicKey = _identity.CurrentKey.Rsa.ExportSubjectPublicKeyInfo();
        var key = new SymmetricSecurityKey(publicKey) { KeyId = _identity.CurrentKey.KeyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = FakeIdentityProvider.Issuer,
            Audience = AppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = _bot.Connector.ServiceUrl },
            Expires = TimeProvider.System.GetUtcNow().AddHours(1).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _identity.DisposeAsync();
    }
}
