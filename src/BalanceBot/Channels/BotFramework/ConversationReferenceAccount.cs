namespace BalanceBot.Channels.BotFramework;

internal sealed record ConversationReferenceAccount(string Id, string? Name, string? AadObjectId);
