using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using BalanceBot.Core.Privacy;
using Microsoft.Extensions.Options;

namespace BalanceBot.Hosting;

/// <summary>
/// One-use, short-lived download links to a user's data. Only a hash of each link's secret is held, in memory: a
/// restart simply makes open links stop working, and nothing about them is written to disk.
/// </summary>
internal sealed class DataExportLinks(IOptions<PrivacyOptions> options, TimeProvider time) : IUserDataExport
{
    /// <summary>
    /// The secret goes in the query, not the path: ASP.NET Core puts the request path into the log scope of every
    /// entry written during the request, while the query only appears in its own Information-level request line.
    /// </summary>
    public const string Path = "/api/mydata";

    public const string SecretParameter = "link";

    private readonly ConcurrentDictionary<string, PendingExport> _pending = new(StringComparer.Ordinal);

    public bool IsEnabled => options.Value.PublicBaseUri is not null;

    public DataExportLink? CreateLink(string userKey, string conversationKey)
    {
        if (options.Value.PublicBaseUri is not { } baseUri)
        {
            return null;
        }

        var now = time.GetUtcNow();
        foreach (var expired in _pending.Where(p => p.Value.ExpiresUtc <= now).Select(p => p.Key).ToList())
        {
            _pending.TryRemove(expired, out _);
        }

        var secret = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var expires = now.AddMinutes(options.Value.ExportLinkMinutes);
        _pending[Hash(secret)] = new PendingExport(userKey, conversationKey, expires);
        // Relative to the configured address, so one behind a reverse proxy's path (https://host/bot/) keeps it.
        var root = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        return new DataExportLink(new Uri(root, $"{Path.TrimStart('/')}?{SecretParameter}={secret}"), expires);
    }

    /// <summary>The export a link stands for, once: a second use, an expired link or a made-up one all get null.</summary>
    public PendingExport? Redeem(string secret) =>
        _pending.TryRemove(Hash(secret), out var pending) && pending.ExpiresUtc > time.GetUtcNow() ? pending : null;

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed record PendingExport(string UserKey, string ConversationKey, DateTimeOffset ExpiresUtc);
