namespace BalanceBot.Core.Conversations;

/// <summary>What the bot says, neutral of any channel; adapters render choices as buttons, cards or numbered lines.</summary>
public sealed record Reply(string Text, IReadOnlyList<ReplyChoice> Choices, bool ExpectsInput)
{
    public static Reply Say(string text) => new(text, [], ExpectsInput: false);
}
