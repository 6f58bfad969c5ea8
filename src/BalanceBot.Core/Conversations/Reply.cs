namespace BalanceBot.Core.Conversations;

/// <summary>What the bot says, neutral of any channel; adapters render choices as buttons, cards or numbered lines.</summary>
/// <param name="Ask">
/// The kind of answer a dialog question wants, null for anything else. Channels that cannot receive typed text
/// (Discord interactions) need it to offer a form for numbers, times and free text.
/// </param>
public sealed record Reply(string Text, IReadOnlyList<ReplyChoice> Choices, bool ExpectsInput, AskKind? Ask = null)
{
    public static Reply Say(string text) => new(text, [], ExpectsInput: false);

    /// <summary>
    /// The text holds a bearer secret (a one-use export link): channels send it only through the chat, never in an
    /// HTTP response, and without link previews that a crawler could use up.
    /// </summary>
    public bool CarriesSecret { get; init; }

    /// <summary>The exercise picture to show with the text (a card image, an embed, or its alt text in a terminal).</summary>
    public ReplyPicture? Picture { get; init; }
}
