namespace BalanceBot.Channels.Discord;

/// <summary>The answer to an interaction, inline or through the callback endpoint (discord.md §1.6).</summary>
internal sealed class InteractionResponse
{
    public int Type { get; init; }

    public InteractionCallbackData? Data { get; init; }

    public static InteractionResponse Pong { get; } = new() { Type = InteractionCallbackTypes.Pong };
}

/// <summary>A message (type 4, 5, 7 and follow-ups), a modal (type 9) or autocomplete choices (type 8).</summary>
internal sealed class InteractionCallbackData
{
    public string? Content { get; init; }

    public int? Flags { get; init; }

    public List<Component>? Components { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public string? CustomId { get; init; }

    public string? Title { get; init; }

    public List<SelectOption>? Choices { get; init; }

    /// <summary>An exercise picture as an embed image, when the server has a public address (issue 18).</summary>
    public List<Embed>? Embeds { get; init; }
}

internal sealed class Embed
{
    public EmbedImage? Image { get; init; }
}

internal sealed class EmbedImage
{
    public required string Url { get; init; }
}

/// <summary>Never let text we send ping anyone (discord.md §8 trap 16).</summary>
internal sealed class AllowedMentions
{
    public static AllowedMentions None { get; } = new();

    public List<string> Parse { get; init; } = [];
}

/// <summary>The body of <c>POST /channels/{id}/messages</c> (discord.md §4.2), and without a nonce of an edit (<c>PATCH</c>).</summary>
internal sealed class MessageCreate
{
    public string? Content { get; init; }

    public List<Component>? Components { get; init; }

    public AllowedMentions AllowedMentions { get; init; } = AllowedMentions.None;

    /// <summary>With <see cref="EnforceNonce"/>, a retried send is not posted twice.</summary>
    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }
}

internal sealed class DiscordChannel
{
    public string? Id { get; init; }
}

/// <summary>The part of a message object the bot reads back: its id, to edit it later.</summary>
internal sealed class DiscordMessage
{
    public string? Id { get; init; }
}

internal sealed class CreateDmChannel
{
    public required string RecipientId { get; init; }
}

internal sealed class DiscordError
{
    public int Code { get; init; }

    public string? Message { get; init; }

    public double? RetryAfter { get; init; }

    public bool? Global { get; init; }
}
