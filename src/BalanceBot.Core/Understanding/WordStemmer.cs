namespace BalanceBot.Core.Understanding;

/// <summary>
/// A light suffix stripper for English, applied in the same way to lexicon words and to what users write, so that
/// "legs"/"leg", "tingling"/"tingle" and "stockpiled"/"stockpile" meet. It only has to be consistent, not linguistic:
/// a stem is never shown to anyone.
/// </summary>
internal static class WordStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsLetter(word[^1]))
        {
            return word;
        }

        var stem = word;
        if (stem.EndsWith("ness", StringComparison.Ordinal) && stem.Length > 6)
        {
            stem = stem[..^4];
        }
        else if (stem.EndsWith("ies", StringComparison.Ordinal) && stem.Length > 4)
        {
            stem = stem[..^3] + "y";
        }
        else if (stem.EndsWith("sses", StringComparison.Ordinal))
        {
            stem = stem[..^2];
        }
        else if (stem.EndsWith('s') && !stem.EndsWith("ss", StringComparison.Ordinal) && !stem.EndsWith("us", StringComparison.Ordinal) && !stem.EndsWith("is", StringComparison.Ordinal))
        {
            stem = stem[..^1];
        }

        if (stem.EndsWith("ing", StringComparison.Ordinal) && stem.Length > 5)
        {
            stem = UndoubleConsonant(stem[..^3]);
        }
        else if (stem.EndsWith("ed", StringComparison.Ordinal) && stem.Length > 4)
        {
            stem = UndoubleConsonant(stem[..^2]);
        }
        else if (stem.EndsWith("ly", StringComparison.Ordinal) && stem.Length > 5)
        {
            stem = stem[..^2];
        }

        return stem.Length > 3 && stem.EndsWith('e') ? stem[..^1] : stem;
    }

    // "stopped" -> "stopp" -> "stop"; but "falling" -> "fall" keeps its double l, like "fall" itself.
    private static string UndoubleConsonant(string stem) =>
        stem.Length > 2 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z' or 'e' or 'o') ? stem[..^1] : stem;
}
