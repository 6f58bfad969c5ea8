namespace BalanceBot.Channels.BotFramework;

internal sealed record ConversationReferenceConversation(string Id, string? ConversationType, string? TenantId);
