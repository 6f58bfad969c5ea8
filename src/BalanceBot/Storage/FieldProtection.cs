using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace BalanceBot.Storage;

/// <summary>
/// Encrypts the sensitive fields of stored documents (issue 8): kept check-ups, conversation references and the
/// answers of a dialog in progress. ASP.NET Core Data Protection (AES-256-CBC with HMAC-SHA256, rotating keys) with
/// its key ring in an owner-only folder apart from the database, so a copy of the database file alone reveals none
/// of them. LiteDB's own <c>Password=</c> is not used: AES-ECB without a MAC (scheduling-storage.md §4.4).
/// </summary>
internal sealed class FieldProtection
{
    /// <summary>Marks a protected value; a stored value without it is from before protection and is read as it is.</summary>
    private const string Prefix = "dp1:";

    /// <summary>Decrypted values that rarely change (conversation references), so a turn does not decrypt its user's each time.</summary>
    private const int RememberedAtMost = 10_000;

    private readonly IDataProtector _protector;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _remembered = new(StringComparer.Ordinal);

    private FieldProtection(IDataProtectionProvider provider) =>
        _protector = provider.CreateProtector("BalanceBot.Storage.Fields.v1");

    /// <summary>Keys kept in <paramref name="keysFolder"/>, created owner-only if missing.</summary>
    public static FieldProtection WithKeysIn(string keysFolder) =>
        new(DataProtectionProvider.Create(new DirectoryInfo(keysFolder), builder => builder.SetApplicationName("BalanceBot")));

    /// <summary>Keys that live as long as the process: for an in-memory database, which keeps nothing either.</summary>
    public static FieldProtection Ephemeral() => new(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());

    public string Protect(string plaintext) => Prefix + _protector.Protect(plaintext);

    /// <summary>As <see cref="Unprotect"/>, remembering the result: for values read far more often than written.</summary>
    public string? UnprotectRemembered(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (_remembered.TryGetValue(stored, out var remembered))
        {
            return remembered;
        }

        if (Unprotect(stored) is not { } plaintext)
        {
            return null;
        }

        if (_remembered.Count >= RememberedAtMost)
        {
            _remembered.Clear();
        }

        _remembered[stored] = plaintext;
        return plaintext;
    }

    /// <summary>The plaintext; null when it cannot be decrypted (the key ring was lost or replaced).</summary>
    public string? Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        try
        {
            return _protector.Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
