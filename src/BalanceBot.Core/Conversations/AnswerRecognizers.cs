using System.Globalization;
using System.Text.RegularExpressions;

namespace BalanceBot.Core.Conversations;

/// <summary>
/// English recognisers for the ask kinds. Microsoft.Recognizers.Text cannot be installed here (botframework.md trap 17),
/// so this is a documented subset: choices by id, label, synonym, ordinal or number; yes/no words; whole numbers in
/// digits or words; times of day in the common written forms.
/// </summary>
internal static partial class AnswerRecognizers
{
    private static readonly HashSet<string> YesWords = new(StringComparer.Ordinal)
    {
        "yes", "y", "yeah", "yea", "yep", "yup", "ya", "sure", "ok", "okay", "k", "of course", "definitely",
        "absolutely", "please", "yes please", "correct", "right", "true", "done", "i did", "did it", "👍",
    };

    private static readonly HashSet<string> NoWords = new(StringComparer.Ordinal)
    {
        "no", "n", "nope", "nah", "not now", "no thanks", "no thank you", "not really", "false", "never", "not yet", "👎",
    };

    private static readonly HashSet<string> UnsureWords = new(StringComparer.Ordinal)
    {
        "not sure", "unsure", "im not sure", "i'm not sure", "i am not sure", "maybe", "perhaps", "possibly", "don't know",
        "dont know", "i don't know", "i dont know", "no idea", "idk", "dunno", "can't tell", "cant tell", "hard to say",
        "not certain", "i think so", "might be", "sort of", "kind of", "a bit", "a little", "?",
    };

    private static readonly string[][] UnsurePhrases = UnsureWords.Select(InputText.Words).Where(w => w.Length > 0).ToArray();

    private static readonly string[] NumberWords =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["1st"] = 1, ["second"] = 2, ["2nd"] = 2, ["third"] = 3, ["3rd"] = 3, ["fourth"] = 4, ["4th"] = 4,
        ["fifth"] = 5, ["5th"] = 5, ["sixth"] = 6, ["6th"] = 6, ["seventh"] = 7, ["7th"] = 7, ["eighth"] = 8, ["8th"] = 8,
        ["ninth"] = 9, ["9th"] = 9, ["tenth"] = 10, ["10th"] = 10,
    };

    /// <summary>
    /// A clicked id wins; then the whole answer equal to a label, id or synonym; then the leftmost label or synonym
    /// found inside the answer (longest first at the same place); then an ordinal ("the second one", "last");
    /// then a bare number ("2", "two", "option 2").
    /// </summary>
    public static ChoiceDefinition? Choice(IReadOnlyList<ChoiceDefinition> choices, string? choiceId, string normalized)
    {
        if (choiceId is not null && choices.FirstOrDefault(c => c.Id == choiceId) is { } clicked)
        {
            return clicked;
        }

        if (normalized.Length == 0)
        {
            return null;
        }

        foreach (var choice in choices)
        {
            if (Candidates(choice).Any(candidate => candidate == normalized))
            {
                return choice;
            }
        }

        var tokens = InputText.Tokens(normalized);
        ChoiceDefinition? best = null;
        (int Position, int Length) bestMatch = (int.MaxValue, 0);
        foreach (var choice in choices)
        {
            foreach (var candidate in Candidates(choice))
            {
                var candidateTokens = InputText.Tokens(candidate);
                var position = InputText.IndexOfSequence(tokens, candidateTokens);
                if (position >= 0 && (position < bestMatch.Position || (position == bestMatch.Position && candidateTokens.Length > bestMatch.Length)))
                {
                    best = choice;
                    bestMatch = (position, candidateTokens.Length);
                }
            }
        }

        if (best is not null)
        {
            return best;
        }

        var index = Ordinal(tokens, choices.Count) ?? Cardinal(tokens);
        return index is >= 1 && index <= choices.Count ? choices[index.Value - 1] : null;
    }

    public static bool? Confirm(string? choiceId, string normalized)
    {
        switch (choiceId)
        {
            case "yes":
                return true;
            case "no":
                return false;
        }

        if (normalized is "1")
        {
            return true;
        }

        if (normalized is "2")
        {
            return false;
        }

        if (YesWords.Contains(normalized))
        {
            return true;
        }

        if (NoWords.Contains(normalized))
        {
            return false;
        }

        // "yes, I did" / "no, not today": the first word decides.
        var first = InputText.Tokens(normalized).FirstOrDefault();
        if (first is null)
        {
            return null;
        }

        return YesWords.Contains(first) ? true : NoWords.Contains(first) ? false : null;
    }

    /// <summary>
    /// "Not sure" in its everyday forms, anywhere in the answer ("no idea", "maybe a bit"): on a red flag it counts
    /// as yes (triage.md §3.2), so doubt is looked for before yes or no.
    /// </summary>
    public static bool IsUnsure(string normalized)
    {
        if (normalized is "?" || UnsureWords.Contains(normalized.Replace("’", "'", StringComparison.Ordinal)))
        {
            return true;
        }

        var words = InputText.Words(normalized);
        return UnsurePhrases.Any(phrase => InputText.IndexOfSequence(words, phrase) >= 0);
    }

    /// <summary>A whole number in range, written as digits ("7", "7/10", "about 7") or a word ("seven").</summary>
    public static int? Number(string normalized, int min, int max)
    {
        var match = FirstNumberPattern().Match(normalized);
        int value;
        if (match.Success)
        {
            if (match.Groups["fraction"].Success ||
                !int.TryParse(match.Groups["number"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
            {
                return null;
            }
        }
        else
        {
            var word = InputText.Tokens(normalized).Select(t => Array.IndexOf(NumberWords, t)).FirstOrDefault(i => i >= 0, -1);
            if (word < 0)
            {
                return null;
            }

            value = word;
        }

        return value >= min && value <= max ? value : null;
    }

    /// <summary>A time of day as "HH:mm": "9", "9:30", "09.30", "0930", "9am", "5:15 pm", "17h", "noon", "midnight".</summary>
    public static string? TimeOfDay(string normalized)
    {
        switch (normalized)
        {
            case "noon" or "midday" or "12 noon":
                return "12:00";
            case "midnight":
                return "00:00";
        }

        var match = TimePattern().Match(normalized);
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["minute"].Success ? int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
        var meridiem = match.Groups["meridiem"].Value.Replace(".", string.Empty, StringComparison.Ordinal);
        if (minute > 59)
        {
            return null;
        }

        if (meridiem.Length > 0)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }

            hour = (hour % 12) + (meridiem == "pm" ? 12 : 0);
        }
        else if (hour > 23)
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{minute:00}");
    }

    /// <summary>Any non-blank answer up to <paramref name="maxLength"/> characters, trimmed.</summary>
    public static string? Text(string? raw, int maxLength)
    {
        var trimmed = raw?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > maxLength ? null : trimmed;
    }

    private static IEnumerable<string> Candidates(ChoiceDefinition choice)
    {
        yield return InputText.Normalize(choice.Label);
        yield return choice.Id.Replace('_', ' ');
        foreach (var synonym in choice.Synonyms)
        {
            yield return InputText.Normalize(synonym);
        }
    }

    private static int? Ordinal(string[] tokens, int count)
    {
        foreach (var token in tokens)
        {
            if (Ordinals.TryGetValue(token, out var n))
            {
                return n;
            }

            if (token is "last")
            {
                return count;
            }
        }

        return null;
    }

    private static int? Cardinal(string[] tokens)
    {
        // Only short answers: "2", "two", "option 2", "number 2". A number inside a sentence is not a pick.
        if (tokens.Length == 0 || tokens.Length > 2 || (tokens.Length == 2 && tokens[0] is not ("option" or "number" or "no" or "#")))
        {
            return null;
        }

        var last = tokens[^1];
        if (int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        var word = Array.IndexOf(NumberWords, last);
        return word >= 0 ? word : null;
    }

    [GeneratedRegex(@"(?<![\w.])(?<number>-?\d{1,6})(?<fraction>[.,]\d+)?(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex FirstNumberPattern();

    [GeneratedRegex(@"^(?:at |around |about )?(?<hour>\d{1,2})(?:(?:[:.h]|(?=\d{2}\b))(?<minute>\d{2}))?h?\s*(?<meridiem>am|pm|a\.m\.|p\.m\.|a\.m|p\.m)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}
