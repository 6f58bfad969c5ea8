using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace BalanceBot.Admin;

/// <summary>
/// Checks an admin bearer key against the configured SHA-256 hashes in constant time: the key is hashed and every
/// hash compared with <see cref="CryptographicOperations.FixedTimeEquals"/>, so timing tells nothing about either.
/// </summary>
internal sealed class AdminApiKeys(IOptions<AdminOptions> options)
{
    private readonly byte[][] _hashes = [.. options.Value.ApiKeySha256.Select(h => Convert.FromHexString(h.Trim()))];

    /// <summary>Who the key belongs to, as the audit log names it (a hash prefix, never the key), or null.</summary>
    public string? Identify(string presentedKey)
    {
        ArgumentNullException.ThrowIfNull(presentedKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        string? who = null;
        foreach (var known in _hashes)
        {
            // No early exit: every configured hash is compared whatever matched.
            if (CryptographicOperations.FixedTimeEquals(hash, known))
            {
                who = "api-key:" + Convert.ToHexStringLower(known)[..8];
            }
        }

        return who;
    }

    /// <summary>A new random key and the hash to configure for it.</summary>
    public static (string Key, string Sha256) NewKey()
    {
        var key = "bbk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (key, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))));
    }

    public static bool IsHash(string value) => value.Trim().Length == 64 && value.Trim().All(char.IsAsciiHexDigit);
}
