using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// Validates the Bearer token of an inbound activity as the Bot Framework SDK's channel path does (botframework.md
/// §2.1-2.2 and traps 4-8): RS256/384/512 only, the channel issuer, signature by a published key, lifetime with 5
/// minutes of skew, <c>aud</c> equal to our app id; then, once the body is read, the <c>serviceurl</c> claim equal to
/// the activity's serviceUrl and the signing key endorsed for the activity's channel. Emulator and skill tokens are
/// refused. Failure reasons are for logs only; the client gets a bare 401.
/// </summary>
internal sealed class BotFrameworkTokenValidator(BotFrameworkSigningKeys signingKeys, IOptions<BotFrameworkOptions> options)
{
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>Step one, before the body is read: the token itself. Returns the validated token or the reason it failed.</summary>
    public async Task<(JsonWebToken? Token, string? Failure)> ValidateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return (null, "no Authorization header");
        }

        var parts = authorizationHeader.Split(' ');
        if (parts.Length != 2 || parts[0] != "Bearer" || parts[1].Length == 0)
        {
            return (null, "the Authorization header is not 'Bearer <token>'");
        }

        var configuration = await signingKeys.GetAsync(cancellationToken).ConfigureAwait(false);
        var result = await _handler.ValidateTokenAsync(parts[1], Parameters(configuration)).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException
            && await signingKeys.RefreshForUnknownKeyAsync(cancellationToken).ConfigureAwait(false))
        {
            // A key rollover: the new key is in the refetched set (the SDK rethrows here; we refetch once, trap list).
            configuration = await signingKeys.GetAsync(cancellationToken).ConfigureAwait(false);
            result = await _handler.ValidateTokenAsync(parts[1], Parameters(configuration)).ConfigureAwait(false);
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return (null, $"invalid token ({result.Exception?.GetType().Name})");
        }

        // The audience check is manual, as in the SDK: aud must be exactly our app id (trap 6).
        if (!token.Audiences.Any(aud => string.Equals(aud, options.Value.MicrosoftAppId, StringComparison.Ordinal)))
        {
            return (null, "the token is for another app id");
        }

        return (token, null);
    }

    /// <summary>Step two, once the activity is read: the token must name its serviceUrl and be endorsed for its channel.</summary>
    public async Task<string?> CheckActivityAsync(JsonWebToken token, string? serviceUrl, string? channelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (serviceUrl is not null)
        {
            // Exact, case-insensitive, no normalisation (trap 4).
            if (!token.TryGetPayloadValue<string>("serviceurl", out var claimed) || !string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase))
            {
                return "the serviceurl claim does not match the activity's serviceUrl";
            }
        }

        var configuration = await signingKeys.GetAsync(cancellationToken).ConfigureAwait(false);
        var endorsements = BotFrameworkSigningKeys.EndorsementsOf(configuration, token.Kid);
        if (endorsements is null || channelId is null || !endorsements.Contains(channelId, StringComparer.Ordinal))
        {
            // A channel token's key must be endorsed for the activity's channel (trap 5).
            return "the signing key is not endorsed for this channel";
        }

        return null;
    }

    private TokenValidationParameters Parameters(Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration configuration) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = options.Value.ToBotFromChannelTokenIssuer,
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
