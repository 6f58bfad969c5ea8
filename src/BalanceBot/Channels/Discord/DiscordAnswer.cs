namespace BalanceBot.Channels.Discord;

/// <summary>The initial response to an interaction, plus messages that must follow it through the token.</summary>
internal sealed record DiscordAnswer(InteractionResponse Initial, IReadOnlyList<InteractionCallbackData> FollowUps)
{
    public static DiscordAnswer Message(IReadOnlyList<InteractionCallbackData> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return new(new InteractionResponse { Type = InteractionCallbackTypes.ChannelMessageWithSource, Data = messages[0] }, [.. messages.Skip(1)]);
    }

    /// <summary>A short note only the clicking user sees.</summary>
    public static DiscordAnswer Private(string text) => new(
        new InteractionResponse
        {
            Type = InteractionCallbackTypes.ChannelMessageWithSource,
            Data = new InteractionCallbackData { Content = text, Flags = InteractionCallbackTypes.EphemeralFlag, AllowedMentions = AllowedMentions.None },
        },
        []);
}
