namespace BalanceBot.Channels.BotFramework;

/// <summary>Buttons under a message that disappear once one is used (botframework.md §1.2).</summary>
internal sealed record SuggestedActions(IReadOnlyList<string> To, IReadOnlyList<CardAction> Actions);
