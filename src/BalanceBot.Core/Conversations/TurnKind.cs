namespace BalanceBot.Core.Conversations;

public enum TurnKind
{
    /// <summary>The user said or clicked something.</summary>
    Message,

    /// <summary>The bot was added to a conversation (Teams install, Emulator connect, console start).</summary>
    ConversationStarted,

    /// <summary>The user removed (uninstalled) the bot: nothing can reach them any more.</summary>
    Removed,
}
