using System.Text;
using System.Text.Json.Nodes;
using BalanceBot.Channels.Discord;

namespace BalanceBot.Tests.Channels;

/// <summary>The Ed25519 check against RFC 8032's vectors and a signature Discord really sent.</summary>
public sealed class DiscordSignatureTests
{
    public static TheoryData<string> RfcVectors() => new(Vectors().Select(v => v["name"]!.GetValue<string>()));

    [Theory]
    [MemberData(nameof(RfcVectors))]
    public void An_RFC_8032_vector_verifies_and_any_flipped_bit_does_not(string name)
    {
        var vector = Vectors().Single(v => v["name"]!.GetValue<string>() == name);
        var verifier = new DiscordSignatureVerifier(vector["public_key"]!.GetValue<string>());
        var message = Convert.FromHexString(vector["message"]!.GetValue<string>());
        var signature = vector["signature"]!.GetValue<string>();

        // The vectors sign the message alone: an empty timestamp leaves it unchanged.
        Assert.True(verifier.IsValid(string.Empty, message, signature));
        if (message.Length > 0)
        {
            var tampered = (byte[])message.Clone();
            tampered[^1] ^= 1;
            Assert.False(verifier.IsValid(string.Empty, tampered, signature));
        }

        var badSignature = Convert.FromHexString(signature);
        badSignature[10] ^= 0x80;
        Assert.False(verifier.IsValid(string.Empty, message, Convert.ToHexString(badSignature)));
    }

    [Fact]
    public void The_signature_Discord_sent_with_a_PING_verifies_over_timestamp_and_raw_body()
    {
        var vector = DiscordFixtures.PingVector();
        var verifier = new DiscordSignatureVerifier(vector.PublicKey);

        Assert.True(verifier.IsValid(vector.Timestamp, vector.Body, vector.Signature));
        Assert.False(verifier.IsValid(vector.Timestamp + "1", vector.Body, vector.Signature));
        Assert.False(verifier.IsValid(vector.Timestamp, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(vector.Body) + "\n"), vector.Signature));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not hex at all")]
    [InlineData("zz")]
    [InlineData("25c1272150dbb451dd5ebcf395a85329824ba49672ffc62fe7ec3992eacc6db0")]
    public void A_malformed_signature_is_not_valid_and_does_not_throw(string signature)
    {
        var vector = DiscordFixtures.PingVector();
        var verifier = new DiscordSignatureVerifier(vector.PublicKey);

        Assert.False(verifier.IsValid(vector.Timestamp, vector.Body, signature));
        Assert.False(verifier.IsValid(vector.Timestamp, vector.Body, new string('g', 128)));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("48c85c48446ce9580ccc41427b5dee61d33b3b03e9219cbfadb4e815e59e8e94", true)]
    [InlineData("48c85c48446ce9580ccc41427b5dee61d33b3b03e9219cbfadb4e815e59e8e", false)]
    [InlineData("MTA4NzY1NDMyMTA5ODc2NTQzMg.Gx1234.abcdefghijklmnopqrstuvwxyz0123456789AB", false)]
    public void Only_32_bytes_of_hex_are_a_public_key(string? hex, bool expected) =>
        Assert.Equal(expected, DiscordSignatureVerifier.IsPublicKey(hex));

    private static IEnumerable<JsonNode> Vectors() =>
        JsonNode.Parse(File.ReadAllText(DiscordFixtures.Path("rfc8032-ed25519-test-vectors.json")))!["vectors"]!.AsArray()!.Select(v => v!);
}
