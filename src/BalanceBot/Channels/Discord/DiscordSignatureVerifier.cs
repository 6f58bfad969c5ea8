using System.Buffers;
using System.Text;
using NSec.Cryptography;

namespace BalanceBot.Channels.Discord;

/// <summary>
/// Discord's request signature (discord.md §1.2): Ed25519 over UTF-8(timestamp header) followed by the raw body bytes,
/// checked with the application's public key, imported once. Any malformed input is simply "not valid".
/// </summary>
internal sealed class DiscordSignatureVerifier
{
    private const int SignatureBytes = 64;
    private const int PublicKeyBytes = 32;
    private readonly PublicKey _publicKey;

    public DiscordSignatureVerifier(string publicKeyHex)
    {
        _publicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
    }

    public static bool IsPublicKey(string? hex)
    {
        if (hex is not { Length: PublicKeyBytes * 2 })
        {
            return false;
        }

        Span<byte> key = stackalloc byte[PublicKeyBytes];
        return Convert.FromHexString(hex, key, out _, out var written) == OperationStatus.Done && written == PublicKeyBytes
            && PublicKey.TryImport(SignatureAlgorithm.Ed25519, key, KeyBlobFormat.RawPublicKey, out _);
    }

    public bool IsValid(string? timestamp, ReadOnlySpan<byte> body, string? signatureHex)
    {
        if (timestamp is null || signatureHex is not { Length: SignatureBytes * 2 })
        {
            return false;
        }

        Span<byte> signature = stackalloc byte[SignatureBytes];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != OperationStatus.Done || written != SignatureBytes)
        {
            return false;
        }

        var timestampLength = Encoding.UTF8.GetByteCount(timestamp);
        var message = ArrayPool<byte>.Shared.Rent(timestampLength + body.Length);
        try
        {
            Encoding.UTF8.GetBytes(timestamp, message);
            body.CopyTo(message.AsSpan(timestampLength));
            return SignatureAlgorithm.Ed25519.Verify(_publicKey, message.AsSpan(0, timestampLength + body.Length), signature);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(message);
        }
    }
}
