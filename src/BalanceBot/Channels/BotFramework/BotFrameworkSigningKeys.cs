using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Options;

namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// Bot Framework's OpenID metadata and signing keys (botframework.md §2.1 step 4), cached. A token signed by a key
/// the cache does not know triggers one refetch, at most once per <see cref="BotFrameworkOptions.SigningKeysRefreshSeconds"/>,
/// so a key rollover works without a restart and forged key ids cannot make us hammer the metadata endpoint.
/// </summary>
internal sealed partial class BotFrameworkSigningKeys(IHttpClientFactory httpClients, IOptions<BotFrameworkOptions> options, TimeProvider time, ILogger<BotFrameworkSigningKeys> logger) : IDisposable
{
    public const string HttpClientName = "BotFrameworkOpenId";

    private readonly SemaphoreSlim _fetch = new(1, 1);
    private OpenIdConnectConfiguration? _configuration;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        var current = _configuration;
        if (current is not null && time.GetUtcNow() - _fetchedAt < TimeSpan.FromHours(options.Value.SigningKeysCacheHours))
        {
            return current;
        }

        return await FetchAsync(force: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Refetches after an unknown key id, unless that was done very recently; returns whether it did.</summary>
    public async Task<bool> RefreshForUnknownKeyAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _lastForcedRefresh < TimeSpan.FromSeconds(options.Value.SigningKeysRefreshSeconds))
        {
            return false;
        }

        _lastForcedRefresh = now;
        await FetchAsync(force: true, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The channels a signing key is endorsed for (the JWKS <c>endorsements</c> array of that key id).</summary>
    public static IReadOnlyCollection<string>? EndorsementsOf(OpenIdConnectConfiguration configuration, string? keyId)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == keyId);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return null;
        }

        return value switch
        {
            IEnumerable<object> items => items.Select(i => i?.ToString() ?? string.Empty).ToList(),
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList(),
            _ => [],
        };
    }

    private async Task<OpenIdConnectConfiguration> FetchAsync(bool force, CancellationToken cancellationToken)
    {
        await _fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!force && _configuration is not null && time.GetUtcNow() - _fetchedAt < TimeSpan.FromHours(options.Value.SigningKeysCacheHours))
            {
                return _configuration;
            }

            var url = new Uri(options.Value.ToBotFromChannelOpenIdMetadataUrl);
            var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName))
            {
                // HTTPS always, except for a loopback fake in tests and local development.
                RequireHttps = !url.IsLoopback,
            };
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(url.AbsoluteUri, retriever, cancellationToken).ConfigureAwait(false);
            _configuration = configuration;
            _fetchedAt = time.GetUtcNow();
            LogFetched(configuration.SigningKeys.Count);
            return configuration;
        }
        finally
        {
            _fetch.Release();
        }
    }

    public void Dispose() => _fetch.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched Bot Framework signing keys: {KeyCount} keys")]
    private partial void LogFetched(int keyCount);
}
