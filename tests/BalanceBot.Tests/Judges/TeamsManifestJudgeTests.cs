using System.IO.Compression;
using System.Text.Json.Nodes;
using BalanceBot.Channels.BotFramework.Package;

namespace BalanceBot.Tests.Judges;

/// <summary>
/// Issue 13: the manifest of the package <c>teams package</c> writes, validated against the schema of its own
/// manifestVersion as shipped in Microsoft's <c>@microsoft/app-manifest</c>.
/// </summary>
public sealed class TeamsManifestJudgeTests
{
    [Fact]
    public async Task The_packaged_manifest_validates_against_the_newest_1_2x_schema_of_app_manifest()
    {
        using var zipped = new MemoryStream();
        TeamsAppPackage.Write(zipped, "5d2e1c4b-8f6a-4d3e-9b1c-7a0f2e4d6c8b", new TeamsPackageOptions { ValidDomains = ["bot.example.com"] });
        zipped.Position = 0;
        using var zip = new ZipArchive(zipped, ZipArchiveMode.Read);
        JsonNode manifest;
        using (var stream = zip.GetEntry("manifest.json")!.Open())
        {
            manifest = JsonNode.Parse(stream)!;
        }

        var report = await JudgeProcess.RunAsync("manifest", new JsonArray(new JsonObject { ["name"] = "manifest.json", ["manifest"] = manifest }));

        var result = report["results"]![0]!;
        Assert.True(result["problems"]!.AsArray().Count == 0, string.Join("\n", result["problems"]!.AsArray()));
        Assert.Equal(TeamsAppPackage.ManifestVersion, manifest["manifestVersion"]!.GetValue<string>());
        Assert.Contains($"/teams/v{TeamsAppPackage.ManifestVersion}/MicrosoftTeams.schema.json", manifest["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
        // The newest 1.2x the package holds: a later 1.2x schema in a package update shows up here as a failure.
        Assert.Equal(TeamsAppPackage.ManifestVersion, report["newest1_2x"]!.GetValue<string>());
    }
}
