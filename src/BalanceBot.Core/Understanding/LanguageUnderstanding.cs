using BalanceBot.Core.Checkup;

namespace BalanceBot.Core.Understanding;

/// <summary>
/// The deterministic understanding layer (issue 16): normalises a message, finds every lexicon phrase in it (stems,
/// typos, a few words between), marks what is negated or hedged in the style of NegEx (Chapman 2001), and runs the
/// safety rules on the result. Built once per lexicon; <see cref="Understand"/> is thread-safe and linear in the
/// length of the message.
/// </summary>
public sealed class LanguageUnderstanding
{
    /// <summary>How many other words may sit between two words of one phrase ("can't <i>really</i> feel").</summary>
    public const int PhraseGap = 2;

    private readonly TextNormalizer _normalizer;
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private readonly List<string>[] _vocabularyByLength = new List<string>[TextNormalizer.LongestWord + 3];
    private readonly HashSet<string> _knownWords = new(StringComparer.Ordinal);
    private readonly List<int[]> _phrases = [];
    private readonly int[] _negationBefore;
    private readonly int[] _negationAfter;
    private readonly int[] _pseudo;
    private readonly int[] _uncertain;
    private readonly int[] _terminators;
    private readonly CompiledRule[] _rules;
    private readonly CompiledRule[] _intents;
    private readonly int[] _multiWordSafetyPhrases;
    private readonly (string Area, int[] Phrases)[] _areas;
    private readonly int _window;

    // Written words already looked up, shared by all turns: most words repeat, and a typo search is the costly part.
    // Bounded so that a flood of made-up words cannot grow it without end; past the bound words are simply not cached.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int[]> _wordCache = new(StringComparer.Ordinal);
    private const int WordCacheLimit = 50_000;

    public LanguageUnderstanding(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        Lexicon = lexicon;
        _normalizer = new TextNormalizer(lexicon);
        Answers = new AnswerMatcher(lexicon, _normalizer);
        _window = lexicon.Negation.Window;
        for (var i = 0; i < _vocabularyByLength.Length; i++)
        {
            _vocabularyByLength[i] = [];
        }

        foreach (var known in lexicon.KnownWords)
        {
            _knownWords.Add(known);
            _knownWords.Add(WordStemmer.Stem(known));
        }

        _negationBefore = Compile(lexicon.Negation.Before);
        _negationAfter = Compile(lexicon.Negation.After);
        _pseudo = Compile(lexicon.Negation.Pseudo);
        _uncertain = Compile(lexicon.Negation.Uncertain);
        _terminators = Compile(lexicon.Negation.Terminators);
        _rules = lexicon.SafetyRules.Select(rule => new CompiledRule(
            rule,
            rule.Slots.Select(slot => Compile(slot.Split('|').SelectMany(alternative => alternative.Trim() is var a && a.StartsWith('@')
                ? lexicon.Concepts[a[1..]]
                : [a]))).ToArray())).ToArray();
        _intents = lexicon.Intents.Select(intent => new CompiledRule(
            new SafetyRule(intent.Id, SafetyConcern.None, intent.Slots, intent.Span, intent.WholeMessage, intent.Location),
            intent.Slots.Select(slot => Compile(slot.Split('|').SelectMany(alternative => alternative.Trim() is var a && a.StartsWith('@')
                ? lexicon.Concepts[a[1..]]
                : [a]))).ToArray(), intent.Dialog)).ToArray();
        _areas = [.. lexicon.Concepts
            .Where(concept => concept.Key.StartsWith(AreaConceptPrefix, StringComparison.Ordinal))
            .Select(concept => (concept.Key[AreaConceptPrefix.Length..], Compile(concept.Value)))];
        _multiWordSafetyPhrases = [.. _rules.SelectMany(r => r.Slots).SelectMany(slot => slot).Distinct().Where(p => _phrases[p].Length > 1)];
    }

    /// <summary>
    /// Concepts named <c>area_&lt;id&gt;</c> are the body areas the layer reads (<c>area_lower_back</c>); the ids are
    /// the exercise library's and the check-up's area ids.
    /// </summary>
    public const string AreaConceptPrefix = "area_";

    public Lexicon Lexicon { get; }

    /// <summary>Free-text answers to choice questions, through the same normalisation.</summary>
    public AnswerMatcher Answers { get; }

    /// <summary>The duration choice (by days) or the choice named by stem or typo, for a typed answer; null when none.</summary>
    public Conversations.ChoiceDefinition? DurationChoice(IReadOnlyList<Conversations.ChoiceDefinition> choices, string? text) =>
        DurationChoice(choices, _normalizer.Normalize(text));

    /// <summary>The same, on words already read this turn (<see cref="MessageUnderstanding.Tokens"/>): no second normalisation.</summary>
    public Conversations.ChoiceDefinition? DurationChoice(IReadOnlyList<Conversations.ChoiceDefinition> choices, IReadOnlyList<Token> tokens) =>
        Answers.DurationChoice(choices, tokens);

    public Conversations.ChoiceDefinition? MatchChoice(IReadOnlyList<Conversations.ChoiceDefinition> choices, string? text) =>
        MatchChoice(choices, _normalizer.Normalize(text));

    public Conversations.ChoiceDefinition? MatchChoice(IReadOnlyList<Conversations.ChoiceDefinition> choices, IReadOnlyList<Token> tokens) =>
        Answers.Choice(choices, tokens, _knownWords);

    public MessageUnderstanding Understand(string? text)
    {
        var tokens = _normalizer.Normalize(text);
        if (tokens.Count == 0)
        {
            return MessageUnderstanding.Nothing;
        }

        var scan = new MessageScan(this, tokens);
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
        return new MessageUnderstanding(tokens, concern, matched, scan.Hedged)
        {
            Intent = intent?.Rule.Id,
            IntentDialog = intent?.Dialog,
            IntentDialogs = [.. intents.Select(i => i.Dialog!).Distinct(StringComparer.Ordinal)],
            BodyAreas = BodyAreas(scan),
        };
    }

    /// <summary>
    /// The body areas named and not denied, the most specific first: the area whose matched phrase has the most
    /// words wins ("middle of my back" is the upper back although "back" alone is the lower back), then lexicon order.
    /// </summary>
    private string[] BodyAreas(MessageScan scan)
    {
        var found = new List<(string Area, int Words, int Order)>();
        for (var i = 0; i < _areas.Length; i++)
        {
            var words = scan.LongestAffirmed(_areas[i].Phrases);
            if (words > 0)
            {
                found.Add((_areas[i].Area, words, i));
            }
        }

        return [.. found.OrderByDescending(f => f.Words).ThenBy(f => f.Order).Select(f => f.Area)];
    }

    private static int Rank(SafetyConcern concern) => concern switch
    {
        SafetyConcern.Crisis => 3,
        SafetyConcern.Emergency => 2,
        SafetyConcern.NegatedEmergency => 1,
        _ => 0,
    };

    private int[] Compile(IEnumerable<string> phrases)
    {
        var ids = new List<int>();
        foreach (var phrase in phrases)
        {
            // "=legs" is that exact word, not its stem: the plural is what says "both".
            var words = phrase.StartsWith('=')
                ? [Intern(phrase.Trim())]
                : _normalizer.Normalize(phrase).Select(t => Intern(t.Stem)).ToArray();
            if (words.Length > 0)
            {
                ids.Add(_phrases.Count);
                _phrases.Add(words);
            }
        }

        return [.. ids.Distinct()];
    }

    private int Intern(string stem)
    {
        if (!_vocabulary.TryGetValue(stem, out var id))
        {
            id = _vocabulary.Count;
            _vocabulary[stem] = id;
            if (stem.Length < _vocabularyByLength.Length && !stem.StartsWith('='))
            {
                _vocabularyByLength[stem.Length].Add(stem);
            }
        }

        return id;
    }

    /// <summary>The lexicon words a written word stands for: itself, or the words it is one or two typos from.</summary>
    private int[] WordsMatching(Token token)
    {
        var key = token.Word;
        if (_wordCache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var ids = LookUp(token);
        if (_wordCache.Count < WordCacheLimit)
        {
            _wordCache.TryAdd(key, ids);
        }

        return ids;
    }

    private int[] LookUp(Token token)
    {
        var asWritten = _vocabulary.TryGetValue("=" + token.Word, out var word) ? word : -1;
        if (_vocabulary.TryGetValue(token.Stem, out var exact))
        {
            return asWritten >= 0 ? [exact, asWritten] : [exact];
        }

        if (asWritten >= 0)
        {
            return [asWritten];
        }

        var stem = token.Stem;
        if (stem.Length < 4 || _knownWords.Contains(token.Word) || _knownWords.Contains(stem) || !stem.All(char.IsLetter))
        {
            return [];
        }

        List<int>? found = null;
        for (var length = Math.Max(4, stem.Length - 2); length <= Math.Min(stem.Length + 2, _vocabularyByLength.Length - 1); length++)
        {
            var limit = EditDistance.AllowedTypos(length);
            if (Math.Abs(length - stem.Length) > limit)
            {
                continue;
            }

            foreach (var candidate in _vocabularyByLength[length])
            {
                if (EditDistance.IsWithin(stem, candidate, limit))
                {
                    (found ??= []).Add(_vocabulary[candidate]);
                }
            }
        }

        return found is null ? [] : [.. found];
    }

    private enum RuleMatch
    {
        None,
        NegatedOnly,
        Affirmed,
    }

    private sealed record CompiledRule(SafetyRule Rule, int[][] Slots, string? Dialog = null);

    private readonly record struct Occurrence(int Start, int End, int Sentence);

    /// <summary>The per-message work: which lexicon words each token stands for, and phrase occurrences, memoised.</summary>
    private sealed class MessageScan
    {
        private static readonly List<Occurrence> NoOccurrences = [];

        private readonly LanguageUnderstanding _owner;
        private readonly IReadOnlyList<Token> _tokens;
        private readonly int[][] _matches;
        private readonly Dictionary<int, List<int>> _positions = [];
        private readonly Dictionary<int, List<Occurrence>> _occurrences = [];
        private readonly bool[] _cueConsumed;
        private readonly List<Occurrence> _before = [];
        private readonly List<Occurrence> _after = [];
        private readonly List<Occurrence> _terminators = [];

        public MessageScan(LanguageUnderstanding owner, IReadOnlyList<Token> tokens)
        {
            _owner = owner;
            _tokens = tokens;
            _matches = new int[tokens.Count][];
            for (var i = 0; i < tokens.Count; i++)
            {
                var ids = owner.WordsMatching(tokens[i]);
                _matches[i] = ids;
                foreach (var id in ids)
                {
                    if (!_positions.TryGetValue(id, out var list))
                    {
                        _positions[id] = list = [];
                    }

                    list.Add(i);
                }
            }

            // A cue word that belongs to a longer phrase of the lexicon ("can not feel", "no feeling", "no point
            // living") is part of what is said, not a negation of it; nor is a pseudo-negation ("not sure").
            _cueConsumed = new bool[tokens.Count];
            foreach (var phrase in owner._pseudo)
            {
                Consume(phrase);
            }

            foreach (var phrase in owner._multiWordSafetyPhrases)
            {
                Consume(phrase);
            }

            Hedged = owner._uncertain.Any(p => Find(p).Count > 0);
            _before.AddRange(owner._negationBefore.SelectMany(Find).Where(o => !Consumed(o)));
            _after.AddRange(owner._negationAfter.SelectMany(Find).Where(o => !Consumed(o)));
            _terminators.AddRange(owner._terminators.SelectMany(Find));
        }

        public bool Hedged { get; }

        /// <summary>The word count of the longest of <paramref name="phrases"/> found and not negated; 0 when none.</summary>
        public int LongestAffirmed(int[] phrases)
        {
            var longest = 0;
            if (!AnyFound(phrases))
            {
                return 0;
            }

            foreach (var phrase in phrases)
            {
                if (_owner._phrases[phrase].Length > longest && Find(phrase).Exists(o => !IsNegated(o)))
                {
                    longest = _owner._phrases[phrase].Length;
                }
            }

            return longest;
        }

        public RuleMatch Evaluate(CompiledRule rule)
        {
            // Most rules fail on a slot none of whose words is in the message: check that before building anything.
            foreach (var slot in rule.Slots)
            {
                if (!AnyFound(slot))
                {
                    return RuleMatch.None;
                }
            }

            var slots = new List<(Occurrence Where, bool Negated)>[rule.Slots.Length];
            for (var s = 0; s < slots.Length; s++)
            {
                slots[s] = rule.Slots[s].SelectMany(Find).Select(o => (o, IsNegated(o))).ToList();
                if (slots[s].Count == 0)
                {
                    return RuleMatch.None;
                }
            }

            if (Satisfied(rule, slots, affirmedOnly: true))
            {
                return RuleMatch.Affirmed;
            }

            return Satisfied(rule, slots, affirmedOnly: false) ? RuleMatch.NegatedOnly : RuleMatch.None;
        }

        private static bool Satisfied(CompiledRule rule, List<(Occurrence Where, bool Negated)>[] slots, bool affirmedOnly)
        {
            if (rule.Rule.WholeMessage)
            {
                return slots.All(slot => slot.Any(o => !affirmedOnly || !o.Negated));
            }

            var span = rule.Rule.Span;
            foreach (var (anchor, negated) in slots[0])
            {
                if (affirmedOnly && negated)
                {
                    continue;
                }

                var all = true;
                for (var s = 1; s < slots.Length && all; s++)
                {
                    all = slots[s].Any(o => (!affirmedOnly || !o.Negated) && o.Where.Sentence == anchor.Sentence
                        && Math.Max(o.Where.End, anchor.End) - Math.Min(o.Where.Start, anchor.Start) <= span);
                }

                if (all)
                {
                    return true;
                }
            }

            return false;
        }

        private bool AnyFound(int[] phrases)
        {
            foreach (var phrase in phrases)
            {
                if (_positions.ContainsKey(_owner._phrases[phrase][0]) && Find(phrase).Count > 0)
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsNegated(Occurrence o)
        {
            var window = _owner._window;
            foreach (var cue in _before)
            {
                if (cue.Sentence == o.Sentence && cue.End < o.Start && o.Start - cue.End <= window && !TerminatorBetween(cue.End, o.Start))
                {
                    return true;
                }
            }

            foreach (var cue in _after)
            {
                if (cue.Sentence == o.Sentence && cue.Start > o.End && cue.Start - o.End <= window && !TerminatorBetween(o.End, cue.Start))
                {
                    return true;
                }
            }

            return false;
        }

        private bool TerminatorBetween(int from, int to) => _terminators.Exists(t => t.Start > from && t.End < to);

        private bool Consumed(Occurrence cue)
        {
            for (var i = cue.Start; i <= cue.End; i++)
            {
                if (_cueConsumed[i])
                {
                    return true;
                }
            }

            return false;
        }

        private void Consume(int phrase)
        {
            foreach (var o in Find(phrase))
            {
                for (var i = o.Start; i <= o.End; i++)
                {
                    _cueConsumed[i] = true;
                }
            }
        }

        /// <summary>Where a phrase occurs: its words in order, in one sentence, with at most <see cref="PhraseGap"/> others between.</summary>
        private List<Occurrence> Find(int phrase)
        {
            if (_occurrences.TryGetValue(phrase, out var cached))
            {
                return cached;
            }

            var words = _owner._phrases[phrase];
            if (!_positions.ContainsKey(words[0]))
            {
                return NoOccurrences;
            }

            var found = new List<Occurrence>();
            if (_positions.TryGetValue(words[0], out var starts))
            {
                foreach (var start in starts)
                {
                    var at = start;
                    var complete = true;
                    for (var k = 1; k < words.Length && complete; k++)
                    {
                        complete = false;
                        for (var next = at + 1; next <= at + 1 + PhraseGap && next < _tokens.Count; next++)
                        {
                            if (_tokens[next].Sentence != _tokens[start].Sentence)
                            {
                                break;
                            }

                            if (Array.IndexOf(_matches[next], words[k]) >= 0)
                            {
                                at = next;
                                complete = true;
                                break;
                            }
                        }
                    }

                    if (complete)
                    {
                        found.Add(new Occurrence(start, at, _tokens[start].Sentence));
                    }
                }
            }

            _occurrences[phrase] = found;
            return found;
        }
    }
}
