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
        root.SetAction((parseResult, cancellationToken) => UnknownVerb(root, parseResult) is { } message
            ? RefuseAsync(message)
            : ServeCommand.RunAsync(parseResult, cancellationToken));
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ChatCommand.Create());
        root.Subcommands.Add(DialogsCommand.Create());
        root.Subcommands.Add(TeamsCommand.Create());
        root.Subcommands.Add(DiscordCommand.Create());
        root.Subcommands.Add(AdminCommand.Create());
        return root;
    }

    /// <summary>
    /// Settings pass through unmatched (<c>--Key=value</c>), so a mistyped verb would otherwise start the server
    /// (issue 14 §14). A first word that is not an option and not a verb is refused, with the nearest verb.
    /// </summary>
    private static string? UnknownVerb(RootCommand root, ParseResult parseResult)
    {
        if (parseResult.Tokens.Count == 0 || parseResult.Tokens[0].Value is not { Length: > 0 } first || first.StartsWith('-'))
        {
            return null;
        }

        var verbs = root.Subcommands.Select(command => command.Name).ToList();
        var nearest = verbs.Select(verb => (Verb: verb, Distance: EditDistance(first, verb))).OrderBy(v => v.Distance).First();
        return nearest.Distance <= 2
            ? $"Unknown command '{first}': did you mean `{nearest.Verb}`? Run 'balancebot --help' for the list."
            : $"Unknown command '{first}'. The commands are {string.Join(", ", verbs)}; run 'balancebot --help'.";
    }

    private static Task<int> RefuseAsync(string message)
    {
        System.Console.Error.WriteLine(message);
        return Task.FromResult(1);
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
