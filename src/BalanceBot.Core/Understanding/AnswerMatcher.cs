using System.Globalization;
using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Understanding;

/// <summary>
/// Matches free-text answers to a question's choices through the understanding layer (issue 16): durations by
/// their length in days ("10 days" is 1 to 2 weeks, not "days"), then labels and synonyms by stem with typos
/// ("thighs", "forarm"), skipping a mention that is negated ("not my lower back, my neck").
/// </summary>
public sealed class AnswerMatcher(Lexicon lexicon, TextNormalizer normalizer)
{
    private const int LongestNumber = 100_000;

    private readonly (string[] Words, int Days)[] _durationPhrases = [.. lexicon.Durations.Phrases
        .Select(p => (normalizer.Normalize(p.Key).Select(t => t.Word).ToArray(), p.Value))
        .Where(p => p.Item1.Length > 0)];

    private readonly HashSet<string> _negations = [.. lexicon.Negation.Before.Where(cue => !cue.Contains(' ', StringComparison.Ordinal))];

    /// <summary>How long the message says something has lasted, in days; the longer end of a range or of two mentions.</summary>
    public int? DurationInDays(IReadOnlyList<Token> tokens)
    {
        int? longest = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsNumber(tokens[i].Word, out var number))
            {
                continue;
            }

            // "5 weeks", "3-4 weeks", "3 or 4 days", "a couple of weeks" (read as "a 2 of weeks").
            for (var j = i + 1; j < tokens.Count && j <= i + 3; j++)
            {
                if (IsNumber(tokens[j].Word, out var upper))
                {
                    number = Math.Max(number, upper);
                    continue;
                }

                if (lexicon.Durations.Units.TryGetValue(tokens[j].Word, out var unit))
                {
                    longest = Math.Max(longest ?? 0, Math.Max(0, (number * unit) + Comparison(tokens, i, j)));
                    break;
                }

                if (tokens[j].Word is not ("of" or "or" or "to" or "and" or "more" or "than" or "about" or "nearly" or "almost"))
                {
                    break;
                }
            }
        }

        if (longest is not null)
        {
            return longest;
        }

        foreach (var (words, days) in _durationPhrases)
        {
            if (IndexOf(tokens, words) is var at and >= 0)
            {
                longest = Math.Max(longest ?? 0, Math.Max(0, days + Comparison(tokens, at, at + words.Length - 1)));
            }
        }

        return longest;
    }

    /// <summary>
    /// "more than 6 weeks", "over 6 weeks", "6 weeks or more" lie past the boundary (+1 day), "less than a week",
    /// "under 2 weeks" before it (-1 day): without this, "more than 6 weeks" (the choice's own label) read as exactly
    /// 42 days, "2 to 6 weeks", and lowered the level a long-lasting pain gets.
    /// </summary>
    private static int Comparison(IReadOnlyList<Token> tokens, int number, int unit)
    {
        string At(int index) => index >= 0 && index < tokens.Count ? tokens[index].Word : "";
        var before = (At(number - 2), At(number - 1));
        var after = (At(unit + 1), At(unit + 2));
        if (before is ("more", "than") or ("longer", "than") or ("at", "least") or (_, "over") or (_, "beyond")
            || after is ("or", "more") or ("or", "longer") or ("and", "more") or ("plus", _))
        {
            return 1;
        }

        return before is ("less", "than") or ("fewer", "than") or ("shorter", "than") or (_, "under")
            || after is ("or", "less") or ("or", "fewer")
            ? -1
            : 0;
    }

    /// <summary>The duration choice whose day range holds what the message says, when every choice has a range.</summary>
    public ChoiceDefinition? DurationChoice(IReadOnlyList<ChoiceDefinition> choices, IReadOnlyList<Token> tokens)
    {
        var ranges = lexicon.Durations.Answers;
        if (choices.Count == 0 || !choices.All(c => ranges.ContainsKey(c.Id)) || DurationInDays(tokens) is not { } days)
        {
            return null;
        }

        return choices.FirstOrDefault(c => ranges[c.Id].Min <= days && days <= ranges[c.Id].Max);
    }

    /// <summary>The choice whose label or synonym appears first (then longest) by stem or with a typo, not negated.</summary>
    public ChoiceDefinition? Choice(IReadOnlyList<ChoiceDefinition> choices, IReadOnlyList<Token> tokens, IReadOnlySet<string> knownWords)
    {
        ChoiceDefinition? best = null;
        (int Position, int Length) bestMatch = (int.MaxValue, 0);
        foreach (var choice in choices)
        {
            foreach (var candidate in choice.Synonyms.Prepend(choice.Label))
            {
                var stems = normalizer.Normalize(candidate).Select(t => t.Stem).ToArray();
                if (stems.Length == 0)
                {
                    continue;
                }

                for (var start = 0; start + stems.Length <= tokens.Count && start <= bestMatch.Position; start++)
                {
                    if (Matches(tokens, start, stems, knownWords) && !Negated(tokens, start)
                        && (start < bestMatch.Position || stems.Length > bestMatch.Length))
                    {
                        best = choice;
                        bestMatch = (start, stems.Length);
                        break;
                    }
                }
            }
        }

        return best;
    }

    private static bool Matches(IReadOnlyList<Token> tokens, int start, string[] stems, IReadOnlySet<string> knownWords)
    {
        for (var k = 0; k < stems.Length; k++)
        {
            var token = tokens[start + k];
            if (token.Stem == stems[k])
            {
                continue;
            }

            var typos = EditDistance.AllowedTypos(stems[k].Length);
            if (typos == 0 || knownWords.Contains(token.Word) || !EditDistance.IsWithin(token.Stem, stems[k], typos))
            {
                return false;
            }
        }

        return true;
    }

    private bool Negated(IReadOnlyList<Token> tokens, int start)
    {
        for (var i = Math.Max(0, start - 3); i < start; i++)
        {
            if (tokens[i].Sentence == tokens[start].Sentence && _negations.Contains(tokens[i].Word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNumber(string word, out int number) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number < LongestNumber;

    private static int IndexOf(IReadOnlyList<Token> tokens, string[] words)
    {
        for (var start = 0; start + words.Length <= tokens.Count; start++)
        {
            var all = true;
            for (var k = 0; k < words.Length && all; k++)
            {
                all = tokens[start + k].Word == words[k];
            }

            if (all)
            {
                return start;
            }
        }

        return -1;
    }
}
