using System.CommandLine;
using BalanceBot.Channels.BotFramework.Package;

namespace BalanceBot.Cli;

/// <summary><c>balancebot teams package --out balancebot.zip</c>: the Teams app package to sideload or publish.</summary>
internal static class TeamsCommand
{
    private static readonly Option<string> Out = new("--out")
    {
        Description = "Where to write the package.",
        DefaultValueFactory = _ => "balancebot.zip",
    };

    public static Command Create()
    {
        var package = new Command("package", "Write a sideloadable Teams app package (manifest.json and icons) for the bot in MicrosoftAppId. Settings under Teams:Package fill in names, URLs and valid domains.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        package.Options.Add(Out);
        package.SetAction(Write);

        var teams = new Command("teams", "Microsoft Teams tools.");
        teams.Subcommands.Add(package);
        return teams;
    }

    private static int Write(ParseResult parseResult)
    {
        var configuration = ToolConfiguration.Build(parseResult);
        var botId = configuration["MicrosoftAppId"];
        if (string.IsNullOrWhiteSpace(botId) || !Guid.TryParse(botId, out _))
        {
            System.Console.Error.WriteLine("MicrosoftAppId must be set to the bot's Microsoft App ID (a GUID from its Azure Bot registration) to build a Teams package.");
            return 1;
        }

        var options = configuration.GetSection(TeamsPackageOptions.Section).Get<TeamsPackageOptions>() ?? new TeamsPackageOptions();
        var path = Path.GetFullPath(parseResult.GetValue(Out)!);
        using (var file = File.Create(path))
        {
            TeamsAppPackage.Write(file, botId, options);
        }

        System.Console.Out.WriteLine($"Wrote {path}: manifest {TeamsAppPackage.ManifestVersion} for bot {botId}, with color.png (192x192) and outline.png (32x32).");
        return 0;
    }
}
