using BalanceBot.Core.Checkup;

namespace BalanceBot.Core.Understanding;

/// <summary>
/// The deterministic understanding layer (issue 16): normalises a message, finds every lexicon phrase in it (stems,
/// typos, a few words between; <see cref="MessageScan"/>), marks what is negated or hedged in the style of NegEx
/// (Chapman 2001), runs the safety rules on the result and reads intents and entities (<see cref="EntityReader"/>).
/// Built once per lexicon; <see cref="Understand"/> is thread-safe and O(n log n) in the length of the message.
/// </summary>
public sealed class LanguageUnderstanding
{
    /// <summary>How many other words may sit between two words of one phrase ("can't <i>really</i> feel").</summary>
    public const int PhraseGap = MessageScan.PhraseGap;

    /// <summary>
    /// Concepts named <c>area_&lt;id&gt;</c> are the body areas the layer reads (<c>area_lower_back</c>); the ids are
    /// the exercise library's and the check-up's area ids. <c>onset_</c> and <c>severity_</c> concepts likewise.
    /// </summary>
    public const string AreaConceptPrefix = EntityReader.AreaPrefix;

    private readonly TextNormalizer _normalizer;
    private readonly LexiconVocabulary _vocabulary;
    private readonly NegationPhrases _negation;
    private readonly CompiledRule[] _rules;
    private readonly CompiledRule[] _intents;
    private readonly EntityReader _entities;

    public LanguageUnderstanding(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        Lexicon = lexicon;
        _normalizer = new TextNormalizer(lexicon);
        Answers = new AnswerMatcher(lexicon, _normalizer);
        _vocabulary = new LexiconVocabulary(lexicon, _normalizer);
        _rules = [.. lexicon.SafetyRules.Select(rule => new CompiledRule(rule, CompileSlots(rule.Slots)))];
        _intents = [.. lexicon.Intents.Select(intent => new CompiledRule(
            new SafetyRule(intent.Id, SafetyConcern.None, intent.Slots, intent.Span, intent.WholeMessage, intent.Location),
            CompileSlots(intent.Slots), intent.Dialog))];
        _entities = new EntityReader(lexicon, _vocabulary);
        var cues = lexicon.Negation;
        _negation = new NegationPhrases(
            cues.Window,
            _vocabulary.Compile(cues.Before),
            _vocabulary.Compile(cues.After),
            _vocabulary.Compile(cues.Pseudo),
            _vocabulary.Compile(cues.Uncertain),
            _vocabulary.Compile(cues.Terminators),
            [.. _rules.SelectMany(r => r.Slots).SelectMany(slot => slot).Concat(_entities.Phrases).Distinct().Where(p => _vocabulary.Phrase(p).Length > 1)]);
    }

    public Lexicon Lexicon { get; }

    /// <summary>Free-text answers to choice questions, through the same normalisation.</summary>
    public AnswerMatcher Answers { get; }

    /// <summary>The severity band ids of the lexicon, mildest first (<c>mild</c>, <c>moderate</c>, <c>severe</c>).</summary>
    public IReadOnlyList<string> SeverityBands => _entities.SeverityBands;

    /// <summary>The duration choice (by days) or the choice named by stem or typo, for a typed answer; null when none.</summary>
    public Conversations.ChoiceDefinition? DurationChoice(IReadOnlyList<Conversations.ChoiceDefinition> choices, string? text) =>
        DurationChoice(choices, _normalizer.Normalize(text));

    /// <summary>The same, on words already read this turn (<see cref="MessageUnderstanding.Tokens"/>): no second normalisation.</summary>
    public Conversations.ChoiceDefinition? DurationChoice(IReadOnlyList<Conversations.ChoiceDefinition> choices, IReadOnlyList<Token> tokens) =>
        Answers.DurationChoice(choices, tokens);

    public Conversations.ChoiceDefinition? MatchChoice(IReadOnlyList<Conversations.ChoiceDefinition> choices, string? text) =>
        MatchChoice(choices, _normalizer.Normalize(text));

    public Conversations.ChoiceDefinition? MatchChoice(IReadOnlyList<Conversations.ChoiceDefinition> choices, IReadOnlyList<Token> tokens) =>
        Answers.Choice(choices, tokens, _vocabulary.KnownWords);

    public MessageUnderstanding Understand(string? text)
    {
        var tokens = _normalizer.Normalize(text);
        if (tokens.Count == 0)
        {
            return MessageUnderstanding.Nothing;
        }

        var scan = new MessageScan(_vocabulary, _negation, tokens);
        var concern = SafetyConcern.None;
        var matched = new List<string>();
        foreach (var rule in _rules)
        {
            var found = scan.Evaluate(rule);
            if (found == RuleMatch.None)
            {
                continue;
            }

            matched.Add(rule.Rule.Id);
            var raised = rule.Rule.Class == SafetyConcern.Crisis
                // A denied crisis thought ("I'm not suicidal, just...") still gets the crisis resources: when in
                // doubt, escalate (triage.md §4.1 item 3).
                ? SafetyConcern.Crisis
                : found == RuleMatch.Affirmed ? SafetyConcern.Emergency : SafetyConcern.NegatedEmergency;
            concern = Rank(raised) > Rank(concern) ? raised : concern;
        }

        // What is asked for: only when said, not denied ("no pain" is not a complaint).
        var intents = _intents.Where(i => scan.Evaluate(i) == RuleMatch.Affirmed).ToList();
        var intent = intents.FirstOrDefault();
        var bodyAreas = _entities.BodyAreas(scan);
        var onsets = _entities.Onsets(scan);
        var severity = _entities.Severity(scan, tokens);
        return new MessageUnderstanding(tokens, concern, matched, scan.Hedged)
        {
            Intent = intent?.Rule.Id,
            IntentDialog = intent?.Dialog,
            IntentDialogs = [.. intents.Select(i => i.Dialog!).Distinct(StringComparer.Ordinal)],
            BodyAreas = bodyAreas,
            Sides = bodyAreas.Length == 0 ? [] : _entities.Sides(scan),
            Onsets = onsets,
            Severity = severity,
            DurationDays = Answers.DurationInDays(tokens),
            Work = scan.Work + tokens.Count,
        };
    }

    private static int Rank(SafetyConcern concern) => concern switch
    {
        SafetyConcern.Crisis => 3,
        SafetyConcern.Emergency => 2,
        SafetyConcern.NegatedEmergency => 1,
        _ => 0,
    };

    private int[][] CompileSlots(IReadOnlyList<string> slots) =>
        [.. slots.Select(slot => _vocabulary.Compile(slot.Split('|').SelectMany(alternative => alternative.Trim() is var a && a.StartsWith('@')
            ? Lexicon.Concepts[a[1..]]
            : [a])))];
}
