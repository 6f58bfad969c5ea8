using System.CommandLine;

namespace BalanceBot.Cli;

/// <summary>The verbs of the <c>balancebot</c> command. With no verb it serves, so <c>dotnet run</c> starts the bot.</summary>
internal static class BalanceBotCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "BalanceBot: a movement and muscle-health coach for Microsoft Teams and Discord.\n" +
            "With no command it starts the bot server (same as 'serve').\n" +
            "Settings come from appsettings.json, then environment variables (Storage__Path=/var/lib/balancebot/bot.db),\n" +
            "then --Key=value arguments (--Storage:Path=data/bot.db). See README.md for the full table.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        ServeCommand.Describe(root);
        root.SetAction(ServeCommand.RunAsync);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ChatCommand.Create());
        root.Subcommands.Add(DialogsCommand.Create());
        root.Subcommands.Add(TeamsCommand.Create());
        root.Subcommands.Add(DiscordCommand.Create());
        root.Subcommands.Add(AdminCommand.Create());
        return root;
    }
}
