using System.Text;
using System.Text.Json.Nodes;

namespace BalanceBot.Tests.Channels;

/// <summary>Fixtures/discord: verbatim copies, see its SOURCES.md.</summary>
internal static class DiscordFixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "discord", name);

    /// <summary>The raw bytes of a fixture: signatures cover the exact bytes.</summary>
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    public static SignedRequest PingVector()
    {
        var vector = JsonNode.Parse(File.ReadAllText(Path("discord-ping-signature-vector.json")))!;
        return new SignedRequest(
            vector["public_key_hex"]!.GetValue<string>(),
            vector["headers"]!["X-Signature-Timestamp"]!.GetValue<string>(),
            Encoding.UTF8.GetBytes(vector["body"]!.GetValue<string>()),
            vector["headers"]!["X-Signature-Ed25519"]!.GetValue<string>());
    }
}
