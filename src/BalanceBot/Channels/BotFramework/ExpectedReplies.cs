namespace BalanceBot.Channels.BotFramework;

/// <summary>The response body for <c>deliveryMode: expectReplies</c>.</summary>
internal sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
