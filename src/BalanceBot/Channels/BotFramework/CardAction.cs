namespace BalanceBot.Channels.BotFramework;

/// <param name="Type"><c>imBack</c>: the client posts <see cref="Value"/> back as the user's message text.</param>
internal sealed record CardAction(string Type, string Title, string Value);
