namespace BalanceBot.Core.Users;

/// <summary>
/// The channels' names, defined once: a <see cref="ConversationAddress.Channel"/> is one of these, and a channel's user
/// and conversation keys start with its key prefix, so storage and the admin API can tell channels apart without
/// knowing any channel's wire format.
/// </summary>
public static class ChannelNames
{
    /// <summary>Teams and Web Chat: every Bot Framework address, whatever its channelId.</summary>
    public const string BotFramework = "botframework";

    public const string Discord = "discord";

    /// <summary>The terminal behind <c>balancebot chat</c>.</summary>
    public const string Console = "console";

    /// <summary>Discord user keys are <c>discord:{user id}</c>.</summary>
    public const string DiscordKeyPrefix = Discord + ":";

    /// <summary>Console user keys are <c>console:{name}</c>.</summary>
    public const string ConsoleKeyPrefix = Console + ":";
}
