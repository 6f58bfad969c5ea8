using BalanceBot.Core.Checkup;

namespace BalanceBot.Core.Understanding;

/// <summary>
/// What the understanding layer read in one message: its words, the safety concern, the ids of the safety rules
/// that matched (ids only, safe to log), and whether the message hedged ("I think", "not sure").
/// </summary>
public sealed record MessageUnderstanding(IReadOnlyList<Token> Tokens, SafetyConcern Safety, IReadOnlyList<string> SafetyRuleIds, bool Hedged)
{
    public static MessageUnderstanding Nothing { get; } = new([], SafetyConcern.None, [], false);

    /// <summary>The id of the lexicon intent the message expresses, if any (e.g. <c>checkup_complaint</c>).</summary>
    public string? Intent { get; init; }

    /// <summary>The body areas named and not denied (area ids such as <c>lower_back</c>), the most specific first.</summary>
    public IReadOnlyList<string> BodyAreas { get; init; } = [];

    /// <summary>Every dialog an intent of the message starts, in lexicon order: two or more is an ambiguous message.</summary>
    public IReadOnlyList<string> IntentDialogs { get; init; } = [];

    /// <summary>The dialog that intent starts.</summary>
    public string? IntentDialog { get; init; }
}
