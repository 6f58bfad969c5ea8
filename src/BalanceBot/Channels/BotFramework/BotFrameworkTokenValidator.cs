using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// Validates the Bearer token of an inbound activity as the Bot Framework SDK's channel path does (botframework.md
/// §2.1-2.2 and traps 4-8): RS256/384/512 only, the channel issuer, signature by a published key, lifetime with 5
/// minutes of skew, <c>aud</c> equal to our app id; then, once the body is read, the <c>serviceurl</c> claim equal to
/// the activity's serviceUrl and the signing key endorsed for the activity's channel. Emulator tokens only when
/// <see cref="BotFrameworkOptions.AllowEmulatorTokens"/> is on; skill tokens never. Failure reasons are for logs
/// only; the client gets a bare 401.
/// </summary>
internal sealed class BotFrameworkTokenValidator(BotFrameworkSigningKeys signingKeys, IOptions<BotFrameworkOptions> options)
{
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>
    /// Step one, before the body is read: the token itself, routed by its (unverified) issuer to the channel path or,
    /// when allowed, the Emulator path. Returns the validated token, whether it is an Emulator token, or the reason it failed.
    /// </summary>
    public async Task<(JsonWebToken? Token, bool FromEmulator, string? Failure)> ValidateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return (null, false, "no Authorization header");
        }

        var parts = authorizationHeader.Split(' ');
        if (parts.Length != 2 || parts[0] != "Bearer" || parts[1].Length == 0 || !_handler.CanReadToken(parts[1]))
        {
            return (null, false, "the Authorization header is not 'Bearer <JWT>'");
        }

        string unverifiedIssuer;
        string keyId;
        try
        {
            // Decoded without validation only to choose the path; everything is validated below.
            var unverified = new JsonWebToken(parts[1]);
            unverifiedIssuer = unverified.Issuer;
            keyId = unverified.Kid;

            // A token no published key could ever verify (alg none or HMAC, no kid, encrypted) is refused before the
            // signing keys are fetched, so garbage cannot make the bot call the IdP or wait for it (issue 14 §9).
            if (unverified.IsEncrypted || !AllowedAlgorithms.Contains(unverified.Alg, StringComparer.Ordinal) || string.IsNullOrEmpty(unverified.Kid))
            {
                return (null, false, "the token is not an RS256/384/512 signed JWT with a kid");
            }
        }
        catch (ArgumentException)
        {
            return (null, false, "the token is not a readable JWT");
        }

        var settings = options.Value;
        var fromEmulator = settings.EmulatorTokenIssuers.Contains(unverifiedIssuer, StringComparer.Ordinal);
        if (fromEmulator && !settings.AllowEmulatorTokens)
        {
            return (null, true, "an Emulator token, and AllowEmulatorTokens is off");
        }

        var metadataUrl = fromEmulator ? settings.ToBotFromEmulatorOpenIdMetadataUrl : settings.ToBotFromChannelOpenIdMetadataUrl;
        IEnumerable<string> issuers = fromEmulator ? settings.EmulatorTokenIssuers : [settings.ToBotFromChannelTokenIssuer];
        var configuration = await signingKeys.GetAsync(metadataUrl, cancellationToken).ConfigureAwait(false);
        var result = await _handler.ValidateTokenAsync(parts[1], Parameters(configuration, issuers)).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException
            && await signingKeys.RefreshForUnknownKeyAsync(metadataUrl, keyId, cancellationToken).ConfigureAwait(false))
        {
            // A key rollover: the new key is in the refetched set (the SDK rethrows here; we refetch once, trap list).
            configuration = await signingKeys.GetAsync(metadataUrl, cancellationToken).ConfigureAwait(false);
            result = await _handler.ValidateTokenAsync(parts[1], Parameters(configuration, issuers)).ConfigureAwait(false);
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return (null, fromEmulator, $"invalid token ({result.Exception?.GetType().Name})");
        }

        // Audience checks are manual (trap 6): every token must carry our app id in aud. Emulator tokens must in
        // addition name it in azp (v2.0) or appid (v1.0 or no version), and a token for the Bot Framework API (the
        // shape of the bot's own outbound token, also issued by an Emulator issuer) is never accepted (issue 14 §4).
        if (!token.Audiences.Contains(settings.MicrosoftAppId, StringComparer.Ordinal))
        {
            return (null, fromEmulator, "the token's aud is not this app id");
        }

        if (token.Audiences.Any(IsBotFrameworkApiAudience))
        {
            return (null, fromEmulator, "the token is for the Bot Framework API, not for this bot");
        }

        if (fromEmulator && !string.Equals(EmulatorAppId(token), settings.MicrosoftAppId, StringComparison.Ordinal))
        {
            return (null, fromEmulator, "the token is for another app id");
        }

        return (token, fromEmulator, null);
    }

    private static bool IsBotFrameworkApiAudience(string audience) =>
        Uri.TryCreate(audience, UriKind.Absolute, out var uri) && uri.Host.Equals("api.botframework.com", StringComparison.OrdinalIgnoreCase);

    private static string? EmulatorAppId(JsonWebToken token)
    {
        var version = token.TryGetPayloadValue<string>("ver", out var ver) ? ver : null;
        var claim = version == "2.0" ? "azp" : "appid";
        return token.TryGetPayloadValue<string>(claim, out var appId) ? appId : null;
    }

    /// <summary>Step two, once the activity is read: the token must name its serviceUrl and be endorsed for its channel.</summary>
    public async Task<string?> CheckActivityAsync(JsonWebToken token, bool fromEmulator, string? serviceUrl, string? channelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (fromEmulator)
        {
            // The Emulator's keys carry no endorsements and its tokens no serviceurl claim (botframework.md §2.1,
            // trap 5), so the token binds nothing: the activity must come from the Emulator on this machine, and
            // replies go only to a loopback serviceUrl (issue 14 §4).
            if (!string.Equals(channelId, "emulator", StringComparison.Ordinal))
            {
                return "an Emulator token for a channel other than emulator";
            }

            return serviceUrl is null || (Uri.TryCreate(serviceUrl, UriKind.Absolute, out var emulatorUrl) && emulatorUrl.IsLoopback)
                ? null
                : "an Emulator token with a serviceUrl that is not on this machine";
        }

        if (serviceUrl is not null)
        {
            // Exact, case-insensitive, no normalisation (trap 4).
            if (!token.TryGetPayloadValue<string>("serviceurl", out var claimed) || !string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase))
            {
                return "the serviceurl claim does not match the activity's serviceUrl";
            }
        }

        var configuration = await signingKeys.GetAsync(options.Value.ToBotFromChannelOpenIdMetadataUrl, cancellationToken).ConfigureAwait(false);
        var endorsements = BotFrameworkSigningKeys.EndorsementsOf(configuration, token.Kid);
        if (endorsements is null || channelId is null || !endorsements.Contains(channelId, StringComparer.Ordinal))
        {
            // A channel token's key must be endorsed for the activity's channel (trap 5).
            return "the signing key is not endorsed for this channel";
        }

        return null;
    }

    private static TokenValidationParameters Parameters(Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration configuration, IEnumerable<string> issuers) => new()
    {
        ValidateIssuer = true,
        ValidIssuers = issuers,
        ValidateAudience = false,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromMinutes(5),
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = AllowedAlgorithms,
        TryAllIssuerSigningKeys = false,
    };
}
