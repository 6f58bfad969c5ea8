using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using BalanceBot.Channels.BotFramework.Package;

namespace BalanceBot.Tests.Channels;

public sealed class TeamsAppPackageTests
{
    private const string BotId = "5d2e1c4b-8f6a-4d3e-9b1c-7a0f2e4d6c8b";

    [Fact]
    public void The_package_holds_a_manifest_for_the_bot_and_two_icons_of_the_required_sizes()
    {
        using var zipped = new MemoryStream();
        TeamsAppPackage.Write(zipped, BotId, new TeamsPackageOptions { ValidDomains = ["bot.example.com"] });
        zipped.Position = 0;
        using var zip = new ZipArchive(zipped, ZipArchiveMode.Read);

        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        using var manifestStream = zip.GetEntry("manifest.json")!.Open();
        var manifest = JsonNode.Parse(manifestStream)!;
        Assert.Equal(BotId, manifest["id"]!.GetValue<string>());
        Assert.Equal(BotId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(["personal", "team", "groupChat"], manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Contains(manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray(), c => c!["title"]!.GetValue<string>() == "checkup");
        Assert.Equal("bot.example.com", manifest["validDomains"]![0]!.GetValue<string>());
        Assert.Equal(TeamsAppPackage.ManifestVersion, manifest["manifestVersion"]!.GetValue<string>());

        var (colorSize, colorAlphas) = ReadPng(zip.GetEntry("color.png")!);
        var (outlineSize, outlineAlphas) = ReadPng(zip.GetEntry("outline.png")!);
        Assert.Equal((192, 192), colorSize);
        Assert.Equal(new byte[] { 255 }, colorAlphas.ToArray());
        Assert.Equal((32, 32), outlineSize);
        Assert.Equal(new byte[] { 0, 255 }, outlineAlphas.Order().ToArray());
    }

    /// <summary>The size from IHDR and the set of alpha values, from an RGBA PNG with unfiltered rows.</summary>
    private static ((int Width, int Height) Size, HashSet<byte> Alphas) ReadPng(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var png = copy.ToArray();
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        Assert.Equal(6, png[25]); // RGBA

        var idatLength = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(33));
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(png, 41, idatLength), CompressionMode.Decompress))
        {
            zlib.CopyTo(pixels);
        }

        var raw = pixels.ToArray();
        var alphas = new HashSet<byte>();
        for (var row = 0; row < height; row++)
        {
            for (var x = 0; x < width; x++)
            {
                alphas.Add(raw[(row * ((width * 4) + 1)) + 1 + (x * 4) + 3]);
            }
        }

        return ((width, height), alphas);
    }
}
