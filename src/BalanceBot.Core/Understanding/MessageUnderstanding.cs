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

    /// <summary>The side of the body areas named (<c>left</c>, <c>right</c>, <c>both</c>), in lexicon order.</summary>
    public IReadOnlyList<string> Sides { get; init; } = [];

    /// <summary>How it started, named and not denied, the most specific first (lexicon ids: <c>fall</c>, <c>lifting</c>, <c>sudden</c>).</summary>
    public IReadOnlyList<string> Onsets { get; init; } = [];

    /// <summary>How bad it is, when said ("7/10", "really bad", "a bit sore"); null when not.</summary>
    public Severity? Severity { get; init; }

    /// <summary>How long it has lasted, in days, when said ("5 weeks", "since Monday", "on and off for months").</summary>
    public int? DurationDays { get; init; }

    /// <summary>
    /// The work the layer did on this message (tokens, edit-distance comparisons, occurrences examined): it grows
    /// with the message's length and never faster, which a test asserts for hostile input instead of timing it.
    /// </summary>
    public int Work { get; init; }
}
