using System.CommandLine;
using System.Text.Json;
using BalanceBot.Channels.Discord;
using Microsoft.Extensions.Options;

namespace BalanceBot.Cli;

/// <summary>
/// <c>balancebot discord register-commands [--guild ID]</c>: one bulk overwrite of the slash commands (discord.md §3.2),
/// globally or in one server, printing what was added, changed and removed. Run it at deploy, not at every start:
/// Discord allows 200 command creations a day per server.
/// </summary>
internal static class DiscordCommand
{
    private static readonly Option<string?> Guild = new("--guild")
    {
        Description = "A server (guild) id: register there, where changes show at once. Without it the commands are global.",
    };

    public static Command Create()
    {
        var register = new Command("register-commands", "Register BalanceBot's slash commands with Discord (one bulk overwrite), using Discord:ApplicationId and Discord:BotToken.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        register.Options.Add(Guild);
        register.SetAction((parseResult, cancellationToken) => RegisterAsync(parseResult, cancellationToken));

        var discord = new Command("discord", "Discord tools.");
        discord.Subcommands.Add(register);
        return discord;
    }

    private static async Task<int> RegisterAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var configuration = ToolConfiguration.Build(parseResult);
        var guild = parseResult.GetValue(Guild);
        if (guild is not null && !ulong.TryParse(guild, out _))
        {
            await System.Console.Error.WriteLineAsync($"--guild must be a server's numeric id (Developer Mode, right-click the server, Copy Server ID), not '{guild}'.").ConfigureAwait(false);
            return 1;
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")));
        services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DiscordRateLimiter>();
        services.AddHttpClient(DiscordRestClient.HttpClientName, DiscordRestClient.ConfigureHttpClient).RemoveAllLoggers();
        services.AddSingleton<DiscordRestClient>();
        await using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
        var problems = new List<string>();
        if (!ulong.TryParse(options.ApplicationId, out _))
        {
            problems.Add("Discord:ApplicationId must be the application's numeric id from the Developer Portal.");
        }

        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            problems.Add("Discord:BotToken must be set, in the environment (Discord__BotToken), to register commands.");
        }

        if (problems.Count > 0)
        {
            await System.Console.Error.WriteLineAsync(string.Join(Environment.NewLine, problems)).ConfigureAwait(false);
            return 1;
        }

        var rest = provider.GetRequiredService<DiscordRestClient>();
        var desired = DiscordCommands.Definitions(options.BroadcastPermission);
        try
        {
            var before = await rest.GetCommandsAsync(guild, cancellationToken).ConfigureAwait(false);
            var after = await rest.OverwriteCommandsAsync(guild, desired, cancellationToken).ConfigureAwait(false);
            var scope = guild is null ? "globally" : $"in server {guild}";
            foreach (var line in Changes(before, desired))
            {
                System.Console.Out.WriteLine(line);
            }

            System.Console.Out.WriteLine($"Discord now has {after.Count} BalanceBot commands {scope} for application {options.ApplicationId}." +
                (guild is null ? " A Discord client may need a reload (Ctrl+R) to show them." : ""));
            return 0;
        }
        catch (DiscordApiException ex)
        {
            await System.Console.Error.WriteLineAsync($"Discord refused the registration: {ex.Message}" +
                (ex.StatusCode == 401 ? " Check Discord:BotToken." : "")).ConfigureAwait(false);
            return 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or DiscordCircuitOpenException)
        {
            await System.Console.Error.WriteLineAsync($"Could not reach Discord at {options.ApiBaseUrl}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>One line per command: added, changed or unchanged, then the ones the overwrite removed.</summary>
    private static IEnumerable<string> Changes(List<ApplicationCommand> before, List<ApplicationCommand> desired)
    {
        var existing = before.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var command in desired)
        {
            yield return !existing.TryGetValue(command.Name, out var old) ? $"added     /{command.Name}"
                : Comparable(old) != Comparable(command) ? $"changed   /{command.Name}"
                : $"unchanged /{command.Name}";
        }

        foreach (var removed in before.Where(c => desired.All(d => d.Name != c.Name)))
        {
            yield return $"removed   /{removed.Name}";
        }
    }

    /// <summary>The fields BalanceBot sets, as JSON; Discord's ids, versions and defaults are left out.</summary>
    private static string Comparable(ApplicationCommand command) => JsonSerializer.Serialize(
        [new ApplicationCommand
        {
            Name = command.Name,
            Description = command.Description,
            Type = command.Type,
            DefaultMemberPermissions = command.DefaultMemberPermissions,
            Contexts = command.Contexts,
            Options = command.Options?.Select(o => new ApplicationCommandOption
            {
                Type = o.Type, Name = o.Name, Description = o.Description, Required = o.Required == true ? true : null,
                Choices = o.Choices, MinValue = o.MinValue, MaxValue = o.MaxValue,
            }).ToList(),
        }],
        DiscordJson.Default.ListApplicationCommand);
}
