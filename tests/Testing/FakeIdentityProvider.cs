using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BalanceBot.Testing;

/// <summary>
/// A loopback stand-in for Bot Framework's identity side: the OpenID metadata and JWKS that sign channel tokens
/// (with per-key endorsements), and the Entra token endpoint the bot asks for outbound tokens.
/// </summary>
internal sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";

    /// <summary>The secret header value a managed-identity request must carry.</summary>
    public const string ManagedIdentityHeader = "test-identity-header";

    private readonly WebApplication _app;
    private int _tokensIssued;

    private FakeIdentityProvider(WebApplication app, string issuer)
    {
        _app = app;
        TokenIssuer = issuer;
    }

    /// <summary>The issuer this provider's tokens and metadata name (the channel's, or an Emulator issuer).</summary>
    public string TokenIssuer { get; }

    public string BaseUrl { get; private set; } = string.Empty;

    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    /// <summary>The key published now; <see cref="Rotate"/> replaces it.</summary>
    public RsaSecurityKey CurrentKey { get; private set; } = NewKey();

    public IReadOnlyList<string> Endorsements { get; set; } = ["msteams", "emulator"];

    public int MetadataFetches { get; private set; }

    /// <summary>When set, the metadata endpoint answers 200 with a body that is not OpenID metadata.</summary>
    public bool MalformedMetadata { get; set; }

    /// <summary>The form fields of every outbound-token request (client credentials).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<Dictionary<string, string>> TokenRequests { get; } = new();

    /// <summary>Outbound tokens handed to the bot (MSAL client credentials).</summary>
    public int TokensIssued => _tokensIssued;

    public static async Task<FakeIdentityProvider> StartAsync(string issuer = Issuer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new FakeIdentityProvider(app, issuer);
        app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            provider.MetadataFetches++;
            if (provider.MalformedMetadata)
            {
                return Results.Text("<html>not metadata", "application/json");
            }

            return Results.Json(new JsonObject
            {
                ["issuer"] = provider.TokenIssuer,
                ["authorization_endpoint"] = provider.BaseUrl + "/authorize",
                ["jwks_uri"] = provider.BaseUrl + "/v1/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            });
        });
        app.MapGet("/v1/keys", () =>
        {
            var parameters = provider.CurrentKey.Rsa.ExportParameters(false);
            var key = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = provider.CurrentKey.KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                ["endorsements"] = new JsonArray(provider.Endorsements.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
            };
            return Results.Json(new JsonObject { ["keys"] = new JsonArray(key) });
        });
        // App Service managed identity (MSAL reads IDENTITY_ENDPOINT and IDENTITY_HEADER from the environment).
        app.MapGet("/msi/token", (HttpContext http) =>
        {
            if (http.Request.Headers["X-IDENTITY-HEADER"] != ManagedIdentityHeader)
            {
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            var n = Interlocked.Increment(ref provider._tokensIssued);
            return Results.Json(new JsonObject
            {
                ["access_token"] = $"msi-token-{n}",
                ["expires_on"] = TimeProvider.System.GetUtcNow().AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resource"] = http.Request.Query["resource"].ToString(),
                ["token_type"] = "Bearer",
                ["client_id"] = http.Request.Query["client_id"].ToString(),
            });
        });
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            provider.TokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            var n = Interlocked.Increment(ref provider._tokensIssued);
            return Results.Json(new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["ext_expires_in"] = 3600, ["access_token"] = $"bot-token-{tenant}-{n}" });
        });
        await app.StartAsync();
        provider.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return provider;
    }

    public static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    /// <summary>Publishes a new signing key in place of the old one (a key rollover).</summary>
    public void Rotate() => CurrentKey = NewKey();

    /// <summary>A channel token as Bot Framework would send it; each argument can be bent to forge a bad one.</summary>
    public string IssueToken(
        string audience,
        string? serviceUrl,
        string? issuer = null,
        RsaSecurityKey? signWith = null,
        TimeSpan? validFrom = null,
        TimeSpan? lifetime = null,
        IReadOnlyDictionary<string, string>? extraClaims = null)
    {
        // IdentityModel checks token lifetimes against the real clock, so tokens are issued on it too.
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var notBefore = now + (validFrom ?? TimeSpan.FromMinutes(-1));
        var claims = new List<Claim>();
        if (serviceUrl is not null)
        {
            claims.Add(new Claim("serviceurl", serviceUrl));
        }

        claims.AddRange((extraClaims ?? new Dictionary<string, string>()).Select(c => new Claim(c.Key, c.Value)));

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? TokenIssuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = notBefore + (lifetime ?? TimeSpan.FromHours(1)),
            SigningCredentials = new SigningCredentials(signWith ?? CurrentKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
