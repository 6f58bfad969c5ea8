using System.Text;

namespace BalanceBot.Core.Understanding;

/// <summary>One word of a message after normalising: <see cref="Word"/> as mapped, <see cref="Stem"/> for matching.</summary>
public readonly record struct Token(string Word, string Stem, int Sentence);

/// <summary>
/// Splits text into sentences and words in one pass (linear in the length, whatever the input): lower case,
/// apostrophes dropped, contractions expanded, British spellings and number words mapped, then stemmed.
/// </summary>
public sealed class TextNormalizer(Lexicon lexicon)
{
    /// <summary>Longer runs of letters are cut here: no word in any lexicon is this long, and it bounds the work.</summary>
    public const int LongestWord = 40;

    public IReadOnlyList<Token> Normalize(string? text)
    {
        var tokens = new List<Token>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var word = new StringBuilder(LongestWord);
        var sentence = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (word.Length < LongestWord)
                {
                    word.Append(char.ToLowerInvariant(c));
                }

                continue;
            }

            if (c is '\'' or '’' or '‘' or '`')
            {
                continue;
            }

            Flush(word, sentence, tokens);
            if (c is '.' or '!' or '?' or ';' or '\n' or '…')
            {
                sentence++;
            }
        }

        Flush(word, sentence, tokens);
        return tokens;
    }

    private void Flush(StringBuilder word, int sentence, List<Token> tokens)
    {
        if (word.Length == 0)
        {
            return;
        }

        var raw = word.ToString();
        word.Clear();
        if (lexicon.Contractions.TryGetValue(raw, out var expanded))
        {
            foreach (var part in expanded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Add(part, sentence, tokens);
            }

            return;
        }

        // Any other "n't" form: "mustn't" -> "must not".
        if (raw.Length > 3 && raw.EndsWith("nt", StringComparison.Ordinal) && lexicon.Contractions.ContainsKey(raw[..^2] + "nt") is false
            && raw[..^2] is "must" or "need" or "might" or "dare")
        {
            Add(raw[..^2], sentence, tokens);
            Add("not", sentence, tokens);
            return;
        }

        Add(raw, sentence, tokens);
    }

    private void Add(string word, int sentence, List<Token> tokens)
    {
        var mapped = lexicon.Spellings.TryGetValue(word, out var american) ? american
            : lexicon.Numbers.TryGetValue(word, out var digits) ? digits
            : word;
        tokens.Add(new Token(mapped, WordStemmer.Stem(mapped), sentence));
    }
}
