namespace BalanceBot.Core.Conversations;

/// <param name="Id">The persisted choice id; a click sends it back as <see cref="Turn.ChoiceId"/>.</param>
/// <param name="Label">What the user sees, and what typing it back matches.</param>
public sealed record ReplyChoice(string Id, string Label);
