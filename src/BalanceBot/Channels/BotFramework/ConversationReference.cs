namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// What is needed to message a user later (botframework.md §1.2 and §3.4), stored as the payload of the user's
/// conversation address. <see cref="ActivityId"/> is left out on purpose: proactive sends have no reply target.
/// </summary>
internal sealed record ConversationReference(
    string ChannelId,
    string ServiceUrl,
    ConversationReferenceConversation Conversation,
    ConversationReferenceAccount User,
    ConversationReferenceAccount? Bot,
    string? Locale);
