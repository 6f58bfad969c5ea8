namespace BalanceBot.Channels.Discord;

/// <summary>A slash command as registered with Discord (discord.md §3.1).</summary>
internal sealed class ApplicationCommand
{
    /// <summary>Set by Discord; never sent when registering.</summary>
    public string? Id { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public int Type { get; init; } = 1;

    public List<ApplicationCommandOption>? Options { get; init; }

    /// <summary>A decimal permission bitfield; members without it do not see the command.</summary>
    public string? DefaultMemberPermissions { get; init; }

    /// <summary>Where the command can be used: 0 server, 1 the bot's DM, 2 private channels.</summary>
    public List<int>? Contexts { get; init; }

    /// <summary>How the app must be installed for the command to show: 0 to a server, 1 to a user (discord.md §3.1).</summary>
    public List<int>? IntegrationTypes { get; init; }
}

internal static class IntegrationTypes
{
    public const int GuildInstall = 0;
    public const int UserInstall = 1;
}

internal sealed class ApplicationCommandOption
{
    public int Type { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public bool? Required { get; init; }

    public List<ApplicationCommandChoice>? Choices { get; init; }

    public int? MinValue { get; init; }

    public int? MaxValue { get; init; }
}

internal sealed class ApplicationCommandChoice
{
    public required string Name { get; init; }

    public required string Value { get; init; }
}

internal static class CommandOptionTypes
{
    public const int String = 3;
    public const int Integer = 4;
}
