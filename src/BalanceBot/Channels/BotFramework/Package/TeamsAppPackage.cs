using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BalanceBot.Channels.BotFramework.Package;

/// <summary>
/// A sideloadable Teams app package (issue 5): <c>manifest.json</c> filled from configuration, a 192x192 colour
/// icon and a 32x32 transparent outline icon, drawn here so the project needs no image files or tools.
/// </summary>
internal static class TeamsAppPackage
{
    /// <summary>The newest 1.2x schema in Microsoft's <c>@microsoft/app-manifest</c>; tests/judges validates against it.</summary>
    public const string ManifestVersion = "1.29";
    public const string ManifestSchema = "https://developer.microsoft.com/en-us/json-schemas/teams/v" + ManifestVersion + "/MicrosoftTeams.schema.json";

    /// <summary>The bot commands Teams lists under the compose box, and what each does.</summary>
    public static IReadOnlyList<(string Title, string Description)> Commands { get; } =
    [
        ("checkup", "Check a pain or tension, with safe advice on whom to see"),
        ("stretch", "Show a short exercise right away"),
        ("reminders", "Set up movement reminders for your working day"),
        ("next reminder", "When your next movement prompt comes"),
        ("my stats", "Breaks done and skipped this week"),
        ("about", "Everything BalanceBot keeps about you"),
        ("help", "How to talk to BalanceBot"),
    ];

    public static JsonObject Manifest(string botId, TeamsPackageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var commands = new JsonArray(Commands.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["description"] = c.Description }).ToArray());
        return new JsonObject
        {
            ["$schema"] = ManifestSchema,
            ["manifestVersion"] = ManifestVersion,
            ["version"] = options.Version,
            ["id"] = botId,
            ["developer"] = new JsonObject
            {
                ["name"] = options.DeveloperName,
                ["websiteUrl"] = options.WebsiteUrl,
                ["privacyUrl"] = options.PrivacyUrl,
                ["termsOfUseUrl"] = options.TermsOfUseUrl,
            },
            ["name"] = new JsonObject { ["short"] = options.ShortName, ["full"] = options.FullName },
            ["description"] = new JsonObject { ["short"] = options.ShortDescription, ["full"] = options.FullDescription },
            ["icons"] = new JsonObject { ["color"] = "color.png", ["outline"] = "outline.png" },
            ["accentColor"] = "#2E7D5B",
            ["bots"] = new JsonArray(new JsonObject
            {
                ["botId"] = botId,
                ["scopes"] = new JsonArray("personal", "team", "groupChat"),
                ["supportsFiles"] = false,
                ["isNotificationOnly"] = false,
                ["commandLists"] = new JsonArray(new JsonObject { ["scopes"] = new JsonArray("personal"), ["commands"] = commands }),
            }),
            ["permissions"] = new JsonArray("identity", "messageTeamMembers"),
            // A check-up is private: the add button offers the personal chat first.
            ["defaultInstallScope"] = "personal",
            ["validDomains"] = new JsonArray(options.ValidDomains.Select(d => (JsonNode)JsonValue.Create(d)!).ToArray()),
        };
    }

    public static void Write(Stream output, string botId, TeamsPackageOptions options)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        using (var manifest = zip.CreateEntry("manifest.json").Open())
        {
            JsonSerializer.Serialize(manifest, Manifest(botId, options), BotFrameworkJson.Default.JsonObject);
        }

        using (var color = zip.CreateEntry("color.png").Open())
        {
            color.Write(ColorIcon());
        }

        using (var outline = zip.CreateEntry("outline.png").Open())
        {
            outline.Write(OutlineIcon());
        }
    }

    /// <summary>192x192: a white figure mid-stretch (a ring for the head, a bar for the arms) on the accent colour.</summary>
    public static byte[] ColorIcon() => PngWriter.Write(192, 192, (x, y) =>
        Figure(x / 192.0, y / 192.0) ? ((byte)255, (byte)255, (byte)255, (byte)255) : ((byte)0x2E, (byte)0x7D, (byte)0x5B, (byte)255));

    /// <summary>32x32: the same figure in white on a fully transparent background, as Teams requires.</summary>
    public static byte[] OutlineIcon() => PngWriter.Write(32, 32, (x, y) =>
        Figure((x + 0.5) / 32.0, (y + 0.5) / 32.0) ? ((byte)255, (byte)255, (byte)255, (byte)255) : ((byte)0, (byte)0, (byte)0, (byte)0));

    private static bool Figure(double x, double y)
    {
        var head = Math.Sqrt(((x - 0.5) * (x - 0.5)) + ((y - 0.25) * (y - 0.25)));
        var arms = Math.Abs(y - 0.45) < 0.06 && x is > 0.18 and < 0.82;
        var body = Math.Abs(x - 0.5) < 0.06 && y is > 0.38 and < 0.7;
        var legs = y is >= 0.7 and < 0.88 && Math.Abs(Math.Abs(x - 0.5) - ((y - 0.7) * 0.8)) < 0.06;
        return head < 0.11 || arms || body || legs;
    }
}
