using System.Globalization;
using System.Text.Json;

namespace BalanceBot.Channels.Discord;

/// <summary>
/// The slash commands (issue 6) and how each becomes the words Core already understands: <c>/snooze minutes:20</c>
/// is "snooze 20", so typed text and commands share one engine and one set of tests.
/// </summary>
internal static class DiscordCommands
{
    public const string Broadcast = "broadcast";

    // BalanceBot is installed to servers only: a private-channel context exists only for user-installed apps, and a
    // health conversation in a group DM would not be private, so commands declare the server and the bot's DM.
    private static readonly int[] EverywhereContexts = [InteractionContexts.Guild, InteractionContexts.BotDm];
    private static readonly int[] ServerInstallOnly = [IntegrationTypes.GuildInstall];
    private static readonly int[] ServerOnly = [InteractionContexts.Guild];

    private static readonly (string Name, string Value)[] Areas =
    [
        ("Neck", "neck"), ("Shoulders", "shoulders"), ("Upper back", "upper back"), ("Lower back", "lower back"),
        ("Wrists and hands", "wrists"), ("Hips", "hips"), ("Knees", "knees"), ("Legs and calves", "legs"), ("Whole body", "whole body"),
    ];

    private static readonly (string Name, string Value)[] Pauses =
    [
        ("For the rest of today", "for today"), ("1 hour", "1 hour"), ("2 hours", "2 hours"), ("4 hours", "4 hours"),
        ("Until Monday", "until monday"),
    ];

    /// <param name="broadcastPermission">The permission bitfield a member needs to see <c>/broadcast</c>.</param>
    public static List<ApplicationCommand> Definitions(string broadcastPermission) =>
    [
        Command("checkup", "Check a pain or tension and get safe advice on what to do next"),
        Command("stretch", "Get one short stretch, for an area if you like", Choice("area", "Which part of you needs it?", Areas)),
        Command("reminders", "Set up or change your movement reminders"),
        Command("snooze", "Snooze your next movement reminder", new ApplicationCommandOption
        {
            Type = CommandOptionTypes.Integer, Name = "minutes", Description = "For how many minutes (default 10)", Required = false, MinValue = 1, MaxValue = 240,
        }),
        Command("pause", "Pause your movement reminders", Choice("duration", "For how long (default: the rest of today)", Pauses)),
        Command("resume", "Resume paused movement reminders"),
        Command("stats", "See your movement streak and this week's breaks"),
        Command("mydata", "See everything BalanceBot keeps about you"),
        Command("export", "Download everything BalanceBot keeps about you as a JSON file"),
        Command("forgetme", "Delete everything BalanceBot keeps about you"),
        Command("help", "What BalanceBot can do"),
        new ApplicationCommand
        {
            Name = Broadcast,
            Description = "Wellness team: send a reminder or campaign message to everyone who opted in",
            DefaultMemberPermissions = broadcastPermission,
            Contexts = [.. ServerOnly],
            IntegrationTypes = [.. ServerInstallOnly],
        },
    ];

    /// <summary>The text a command stands for, or null for a command this build does not know.</summary>
    public static string? ToText(InteractionData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Name switch
        {
            "checkup" => "checkup",
            "stretch" => Option(data, "area") is { } area ? $"stretch {area}" : "stretch",
            "reminders" => "reminders",
            "snooze" => Option(data, "minutes") is { } minutes ? $"snooze {minutes}" : "snooze",
            "pause" => $"pause {Option(data, "duration") ?? "for today"}",
            "resume" => "resume",
            "stats" => "my stats",
            "mydata" => "my data",
            "export" => "export my data",
            "forgetme" => "forget me",
            "help" => "help",
            Broadcast => "broadcast",
            _ => null,
        };
    }

    /// <summary>An option's value as text; Discord sends strings, integers, doubles or booleans (discord.md §1.5).</summary>
    private static string? Option(InteractionData data, string name)
    {
        var value = data.Options?.FirstOrDefault(o => o.Name == name)?.Value;
        return value?.ValueKind switch
        {
            JsonValueKind.String => value.Value.GetString()?.Trim().ToLowerInvariant() is { Length: > 0 } text ? text : null,
            JsonValueKind.Number => value.Value.TryGetInt64(out var whole)
                ? whole.ToString(CultureInfo.InvariantCulture)
                : value.Value.GetDouble().ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static ApplicationCommand Command(string name, string description, params ApplicationCommandOption[] options) => new()
    {
        Name = name,
        Description = description,
        Options = options.Length == 0 ? null : [.. options],
        Contexts = [.. EverywhereContexts],
        IntegrationTypes = [.. ServerInstallOnly],
    };

    private static ApplicationCommandOption Choice(string name, string description, (string Name, string Value)[] choices) => new()
    {
        Type = CommandOptionTypes.String,
        Name = name,
        Description = description,
        Required = false,
        Choices = [.. choices.Select(c => new ApplicationCommandChoice { Name = c.Name, Value = c.Value })],
    };
}
