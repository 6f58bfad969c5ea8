using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Understanding;

/// <summary>
/// One language's words for the understanding layer, read from <c>dialogs/lexicon/&lt;language&gt;.yaml</c>:
/// spelling and contraction maps, number words, NegEx-style cues (Chapman 2001) and the safety rules.
/// </summary>
public sealed record Lexicon(
    string Language,
    IReadOnlyDictionary<string, string> Contractions,
    IReadOnlyDictionary<string, string> Spellings,
    IReadOnlyDictionary<string, string> Numbers,
    IReadOnlySet<string> KnownWords,
    NegationCues Negation,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Concepts,
    IReadOnlyList<SafetyRule> SafetyRules,
    IReadOnlyList<IntentRule> Intents,
    DurationWords Durations);

/// <summary>NegEx cue lists; <see cref="Window"/> is how many words a cue reaches.</summary>
public sealed record NegationCues(
    int Window,
    IReadOnlyList<string> Before,
    IReadOnlyList<string> After,
    IReadOnlyList<string> Pseudo,
    IReadOnlyList<string> Uncertain,
    IReadOnlyList<string> Terminators);

/// <summary>
/// A red-flag or crisis pattern: every slot ("@concept" or phrases separated by "|") must be found, within
/// <see cref="Span"/> words in one sentence, or anywhere when <see cref="WholeMessage"/>.
/// </summary>
public sealed record SafetyRule(string Id, SafetyConcern Class, IReadOnlyList<string> Slots, int Span, bool WholeMessage, SourceLocation Location);

/// <summary>What a message asks for, in the same slot form as <see cref="SafetyRule"/>, and the dialog it starts.</summary>
public sealed record IntentRule(string Id, string Dialog, IReadOnlyList<string> Slots, int Span, bool WholeMessage, SourceLocation Location);

/// <summary>Duration words: units and phrases in days, and the day range each duration answer covers.</summary>
public sealed record DurationWords(
    IReadOnlyDictionary<string, int> Units,
    IReadOnlyDictionary<string, int> Phrases,
    IReadOnlyDictionary<string, (int Min, int Max)> Answers)
{
    public static DurationWords None { get; } = new(new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, (int, int)>());
}
