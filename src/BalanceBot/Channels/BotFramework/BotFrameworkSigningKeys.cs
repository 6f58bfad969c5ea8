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
    private readonly Dictionary<string, Cached> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastFailure = new(StringComparer.Ordinal);

    // Key ids a refetch showed the JWKS does not list, with when: replaying such a token costs no further fetch.
    private readonly Dictionary<(string MetadataUrl, string KeyId), DateTimeOffset> _absentKeys = [];

    /// <summary>Absent key ids remembered at most; a flood of random ones only clears the memory, never grows it.</summary>
    private const int MaxAbsentKeys = 1024;

    /// <summary>The metadata and keys published at <paramref name="metadataUrl"/> (channel or Emulator issuer).</summary>
    public async Task<OpenIdConnectConfiguration> GetAsync(string metadataUrl, CancellationToken cancellationToken)
    {
        if (Fresh(metadataUrl) is { } current)
        {
            return current;
        }

        return await FetchAsync(metadataUrl, force: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Refetches after an unknown key id, unless that was done very recently or a refetch already showed that the
    /// JWKS does not list this key id; returns whether it did. A forged token replayed after the interval therefore
    /// never uses up the refetch a genuine rollover (a key id the JWKS lists) needs (issue 14 §9).
    /// </summary>
    public async Task<bool> RefreshForUnknownKeyAsync(string metadataUrl, string keyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_cache)
        {
            if (_absentKeys.TryGetValue((metadataUrl, keyId), out var seenAbsent) && now - seenAbsent < TimeSpan.FromHours(options.Value.SigningKeysCacheHours))
            {
                return false;
            }

            if (_cache.TryGetValue(metadataUrl, out var cached) && now - cached.LastForcedRefresh < TimeSpan.FromSeconds(options.Value.SigningKeysRefreshSeconds))
            {
                return false;
            }

            if (cached is not null)
            {
                _cache[metadataUrl] = cached with { LastForcedRefresh = now };
            }
        }

        var configuration = await FetchAsync(metadataUrl, force: true, cancellationToken).ConfigureAwait(false);
        if (configuration.JsonWebKeySet?.Keys.Any(k => k.Kid == keyId) != true)
        {
            lock (_cache)
            {
                if (_absentKeys.Count >= MaxAbsentKeys)
                {
                    _absentKeys.Clear();
                }

                _absentKeys[(metadataUrl, keyId)] = time.GetUtcNow();
            }
        }

        return true;
    }

    private OpenIdConnectConfiguration? Fresh(string metadataUrl)
    {
        lock (_cache)
        {
            return _cache.TryGetValue(metadataUrl, out var cached) && time.GetUtcNow() - cached.FetchedAt < TimeSpan.FromHours(options.Value.SigningKeysCacheHours)
                ? cached.Configuration
                : null;
        }
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

    private async Task<OpenIdConnectConfiguration> FetchAsync(string metadataUrl, bool force, CancellationToken cancellationToken)
    {
        await _fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!force && Fresh(metadataUrl) is { } current)
            {
                return current;
            }

            lock (_cache)
            {
                // Negative caching: after a failed fetch the IdP is not asked again before the refresh interval,
                // so an outage or broken metadata does not turn every request into a fetch (issue 14 §9).
                if (_lastFailure.TryGetValue(metadataUrl, out var failedAt) && time.GetUtcNow() - failedAt < TimeSpan.FromSeconds(options.Value.SigningKeysRefreshSeconds))
                {
                    throw new InvalidOperationException("The signing keys could not be fetched recently; not retrying yet.");
                }
            }

            var url = new Uri(metadataUrl);
            var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName))
            {
                // HTTPS always, except for a loopback fake in tests and local development.
                RequireHttps = !url.IsLoopback,
            };
            OpenIdConnectConfiguration configuration;
            try
            {
                configuration = await OpenIdConnectConfigurationRetriever.GetAsync(url.AbsoluteUri, retriever, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Unreachable or malformed metadata (IDX errors are ArgumentException, JSON errors JsonException):
                // not the caller's fault, so the adapter answers 503 (InvalidOperationException), never 500.
                lock (_cache)
                {
                    _lastFailure[metadataUrl] = time.GetUtcNow();
                }

                throw new InvalidOperationException("The signing keys could not be fetched.", ex);
            }

            lock (_cache)
            {
                _lastFailure.Remove(metadataUrl);
                var lastForced = _cache.TryGetValue(metadataUrl, out var previous) ? previous.LastForcedRefresh : DateTimeOffset.MinValue;
                _cache[metadataUrl] = new Cached(configuration, time.GetUtcNow(), force ? time.GetUtcNow() : lastForced);
            }

            LogFetched(configuration.SigningKeys.Count);
            return configuration;
        }
        finally
        {
            _fetch.Release();
        }
    }

    public void Dispose() => _fetch.Dispose();

    private sealed record Cached(OpenIdConnectConfiguration Configuration, DateTimeOffset FetchedAt, DateTimeOffset LastForcedRefresh);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched Bot Framework signing keys: {KeyCount} keys")]
    private partial void LogFetched(int keyCount);
}
