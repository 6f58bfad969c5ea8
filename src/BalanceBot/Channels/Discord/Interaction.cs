using System.Text.Json;

namespace BalanceBot.Channels.Discord;

/// <summary>An interaction as Discord posts it (discord.md §1.5, §1.8). Only the fields BalanceBot reads.</summary>
internal sealed class Interaction
{
    public string? Id { get; init; }

    public string? ApplicationId { get; init; }

    public int Type { get; init; }

    public InteractionData? Data { get; init; }

    public string? GuildId { get; init; }

    public string? ChannelId { get; init; }

    /// <summary>Set in a server; <see cref="User"/> is set instead in DMs.</summary>
    public GuildMember? Member { get; init; }

    public DiscordUser? User { get; init; }

    /// <summary>Authenticates the callback, follow-ups and <c>@original</c> edits for 15 minutes. A secret: never logged.</summary>
    public string? Token { get; init; }

    public string? Locale { get; init; }

    /// <summary>0 server, 1 the bot's DM, 2 a private channel (discord.md §1.8).</summary>
    public int? Context { get; init; }

    public DiscordUser? Invoker => Member?.User ?? User;

    /// <summary>Anything outside the bot's own DM is seen by others, so replies there are ephemeral.</summary>
    public bool IsInBotDm => Context == InteractionContexts.BotDm || (Context is null && GuildId is null);
}

internal static class InteractionContexts
{
    public const int Guild = 0;
    public const int BotDm = 1;
    public const int PrivateChannel = 2;
}

internal sealed class InteractionData
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public List<CommandOption>? Options { get; init; }

    public string? CustomId { get; init; }

    public int? ComponentType { get; init; }

    public List<string>? Values { get; init; }

    /// <summary>Modal submit fields: Action Rows (legacy) or Labels, each holding a text input.</summary>
    public List<Component>? Components { get; init; }
}

/// <summary>A slash command option; <see cref="Value"/> is a string, integer, double or boolean (discord.md §1.5).</summary>
internal sealed class CommandOption
{
    public string? Name { get; init; }

    public int Type { get; init; }

    public JsonElement? Value { get; init; }

    public List<CommandOption>? Options { get; init; }
}

internal sealed class GuildMember
{
    public DiscordUser? User { get; init; }

    /// <summary>The member's permissions in the channel, a decimal bitfield string.</summary>
    public string? Permissions { get; init; }
}

internal sealed class DiscordUser
{
    /// <summary>A snowflake, always a string on the wire.</summary>
    public string? Id { get; init; }

    public string? Username { get; init; }

    public string? GlobalName { get; init; }
}
