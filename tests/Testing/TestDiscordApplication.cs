using System.Text;
using NSec.Cryptography;

namespace BalanceBot.Testing;

/// <param name="PublicKey">Hex, as the Developer Portal shows it.</param>
internal sealed record SignedRequest(string PublicKey, string Timestamp, byte[] Body, string Signature)
{
    public DateTimeOffset SignedAt => DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp, System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>An application key pair made for one test, signing the way Discord does.</summary>
internal sealed class TestDiscordApplication : IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    public string PublicKey => Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)).ToLowerInvariant();

    public SignedRequest Sign(byte[] body, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(_key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]);
        return new SignedRequest(PublicKey, timestamp, body, Convert.ToHexString(signature).ToLowerInvariant());
    }

    public void Dispose() => _key.Dispose();
}
