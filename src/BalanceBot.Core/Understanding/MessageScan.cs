namespace BalanceBot.Core.Understanding;

/// <summary>A lexicon phrase found in a message: its first and last token, and the sentence it is in.</summary>
internal readonly record struct Occurrence(int Start, int End, int Sentence);

internal enum RuleMatch
{
    None,
    NegatedOnly,
    Affirmed,
}

/// <summary>A safety rule or intent with its slots compiled to phrase ids.</summary>
internal sealed record CompiledRule(SafetyRule Rule, int[][] Slots, string? Dialog = null);

/// <summary>
/// The per-message work of the understanding layer: which lexicon words each token stands for, where phrases occur
/// (memoised), and which occurrences a NegEx cue negates. Every search is over occurrences sorted by position and
/// looks only inside a window, so a message costs O(n log n) in its length whatever it repeats.
/// </summary>
internal sealed class MessageScan
{
    /// <summary>How many other words may sit between two words of one phrase ("can't <i>really</i> feel").</summary>
    public const int PhraseGap = 2;

    private static readonly List<Occurrence> NoOccurrences = [];

    private readonly LexiconVocabulary _vocabulary;
    private readonly IReadOnlyList<Token> _tokens;
    private readonly int _window;
    private readonly int[][] _matches;
    private readonly Dictionary<int, List<int>> _positions = [];
    private readonly Dictionary<int, List<Occurrence>> _occurrences = [];
    private readonly bool[] _cueConsumed;
    private readonly List<Occurrence> _before;
    private readonly List<Occurrence> _after;
    private readonly List<Occurrence> _terminators;
    private int _work;

    public MessageScan(LexiconVocabulary vocabulary, NegationPhrases negation, IReadOnlyList<Token> tokens)
    {
        _vocabulary = vocabulary;
        _tokens = tokens;
        _window = negation.Window;
        _matches = new int[tokens.Count][];
        for (var i = 0; i < tokens.Count; i++)
        {
            _work++;
            var ids = vocabulary.WordsMatching(tokens[i], ref _work);
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
        foreach (var phrase in negation.Pseudo.Concat(negation.MultiWordPhrases))
        {
            Consume(phrase);
        }

        Hedged = negation.Uncertain.Any(p => Find(p).Count > 0);
        _before = [.. negation.Before.SelectMany(Find).Where(o => !Consumed(o)).OrderBy(o => o.End)];
        _after = [.. negation.After.SelectMany(Find).Where(o => !Consumed(o)).OrderBy(o => o.Start)];
        _terminators = [.. negation.Terminators.SelectMany(Find).OrderBy(o => o.Start)];
    }

    public bool Hedged { get; }

    /// <summary>Tokens looked up, edit-distance comparisons and occurrences examined: the work done, bounded by the message's length.</summary>
    public int Work => _work;

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
            var length = _vocabulary.Phrase(phrase).Length;
            if (length > longest && Find(phrase).Exists(o => !IsNegated(o)))
            {
                longest = length;
            }
        }

        return longest;
    }

    /// <summary>Every place one of <paramref name="phrases"/> is found and not negated.</summary>
    public IEnumerable<Occurrence> Affirmed(int[] phrases) => phrases.SelectMany(Find).Where(o => !IsNegated(o));

    /// <summary>The first place one of <paramref name="phrases"/> is found and not negated, with its length; null when none.</summary>
    public (Occurrence Where, int Words)? FirstAffirmed(int[] phrases)
    {
        (Occurrence Where, int Words)? first = null;
        foreach (var phrase in phrases)
        {
            foreach (var o in Find(phrase))
            {
                _work++;
                if (!IsNegated(o) && (first is null || o.Start < first.Value.Where.Start))
                {
                    first = (o, _vocabulary.Phrase(phrase).Length);
                    break;
                }
            }
        }

        return first;
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

        var slots = new (Occurrence Where, bool Negated)[rule.Slots.Length][];
        for (var s = 0; s < slots.Length; s++)
        {
            slots[s] = [.. rule.Slots[s].SelectMany(Find).OrderBy(o => o.Start).Select(o => (o, IsNegated(o)))];
            _work += slots[s].Length;
            if (slots[s].Length == 0)
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

    private bool Satisfied(CompiledRule rule, (Occurrence Where, bool Negated)[][] slots, bool affirmedOnly)
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
                all = false;
                // Only occurrences starting within the span can be within it: find the first, then look no further.
                var lowest = anchor.End - span;
                for (var i = FirstStartingAt(slots[s], lowest); i < slots[s].Length && slots[s][i].Where.Start <= anchor.Start + span; i++)
                {
                    _work++;
                    var (o, oNegated) = slots[s][i];
                    if ((!affirmedOnly || !oNegated) && o.Sentence == anchor.Sentence
                        && Math.Max(o.End, anchor.End) - Math.Min(o.Start, anchor.Start) <= span)
                    {
                        all = true;
                        break;
                    }
                }
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static int FirstStartingAt((Occurrence Where, bool Negated)[] sorted, int start)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle].Where.Start < start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static int FirstAtOrAfter(List<Occurrence> sorted, int position, bool byEnd)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if ((byEnd ? sorted[middle].End : sorted[middle].Start) < position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private bool AnyFound(int[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (_positions.ContainsKey(_vocabulary.Phrase(phrase)[0]) && Find(phrase).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsNegated(Occurrence o)
    {
        // A cue before reaches `window` words forward; one after reaches as far back. Only cues that near are looked at.
        for (var i = FirstAtOrAfter(_before, o.Start - _window, byEnd: true); i < _before.Count && _before[i].End < o.Start; i++)
        {
            _work++;
            var cue = _before[i];
            if (cue.Sentence == o.Sentence && !TerminatorBetween(cue.End, o.Start))
            {
                return true;
            }
        }

        for (var i = FirstAtOrAfter(_after, o.End + 1, byEnd: false); i < _after.Count && _after[i].Start - o.End <= _window; i++)
        {
            _work++;
            var cue = _after[i];
            if (cue.Sentence == o.Sentence && !TerminatorBetween(o.End, cue.Start))
            {
                return true;
            }
        }

        return false;
    }

    private bool TerminatorBetween(int from, int to)
    {
        for (var i = FirstAtOrAfter(_terminators, from + 1, byEnd: false); i < _terminators.Count && _terminators[i].Start < to; i++)
        {
            _work++;
            if (_terminators[i].End < to)
            {
                return true;
            }
        }

        return false;
    }

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

        var words = _vocabulary.Phrase(phrase);
        if (!_positions.TryGetValue(words[0], out var starts))
        {
            return NoOccurrences;
        }

        var found = new List<Occurrence>();
        foreach (var start in starts)
        {
            var at = start;
            var complete = true;
            for (var k = 1; k < words.Length && complete; k++)
            {
                complete = false;
                for (var next = at + 1; next <= at + 1 + PhraseGap && next < _tokens.Count; next++)
                {
                    _work++;
                    if (_tokens[next].Sentence != _tokens[start].Sentence)
                    {
                        break;
                    }

                    // A number is never skipped over: "pain is about 7 out of 10" is not "pain is 10".
                    if (next > at + 1 && char.IsDigit(_tokens[next - 1].Word[0]))
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

        _occurrences[phrase] = found;
        return found;
    }
}

/// <summary>The NegEx cue lists of a lexicon compiled to phrase ids, and the multi-word phrases whose cue words are not cues.</summary>
internal sealed record NegationPhrases(int Window, int[] Before, int[] After, int[] Pseudo, int[] Uncertain, int[] Terminators, int[] MultiWordPhrases);
