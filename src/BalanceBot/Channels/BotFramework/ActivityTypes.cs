namespace BalanceBot.Channels.BotFramework;

internal static class ActivityTypes
{
    public const string Message = "message";

    public const string Invoke = "invoke";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
}
