using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BalanceBot.Channels.BotFramework;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BalanceBot.Tests.Channels;

/// <summary>An app certificate instead of a password: MSAL signs a client assertion with it.</summary>
public sealed class CertificateCredentialTests : IAsyncLifetime
{
    private const string AppId = "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "balancebot-tests", Guid.NewGuid().ToString("N"));
    private FakeIdentityProvider _identity = null!;

    public async Task InitializeAsync() => _identity = await FakeIdentityProvider.StartAsync();

    [Fact]
    public async Task A_certificate_credential_signs_a_client_assertion_for_the_single_tenant_authority()
    {
        Directory.CreateDirectory(_folder);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=balancebot-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(30));
        var pfx = Path.Combine(_folder, "bot.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        await using var bot = await BotServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = "SingleTenant",
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppTenantId"] = "contoso-tenant",
                ["MicrosoftAppCertificatePath"] = pfx,
                ["MicrosoftAppCertificatePassword"] = "pfx-password",
                ["ToBotFromChannelOpenIdMetadataUrl"] = _identity.MetadataUrl,
                ["ToChannelFromBotLoginUrl"] = "https://login.test/",
            },
            services: services => services.AddHttpClient(MsalHttpClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new LoopbackRedirect(_identity.BaseUrl)));

        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(bot.Fixture("teams-personal-message.json")) };
        post.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _identity.IssueToken(AppId, bot.Connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, (await bot.Http.SendAsync(post)).StatusCode);
        var replies = await bot.Connector.TakeAsync(4);

        Assert.All(replies, r => Assert.Equal("Bearer bot-token-contoso-tenant-1", r.Authorization));
        var tokenRequest = Assert.Single(_identity.TokenRequests);
        Assert.False(tokenRequest.ContainsKey("client_secret"));
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", tokenRequest["client_assertion_type"]);
        var assertion = new JsonWebToken(tokenRequest["client_assertion"]);
        Assert.Equal(AppId, assertion.Issuer);
        Assert.True(assertion.Alg is "RS256" or "PS256", assertion.Alg);
        var signature = await new JsonWebTokenHandler().ValidateTokenAsync(tokenRequest["client_assertion"], new TokenValidationParameters
        {
            IssuerSigningKey = new X509SecurityKey(X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert))),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        Assert.True(signature.IsValid, signature.Exception?.Message);
    }

    public async Task DisposeAsync()
    {
        await _identity.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
