using System.Collections.Concurrent;

namespace BalanceBot.Core.Understanding;

/// <summary>
/// Every word and phrase of one lexicon, interned as numbers, and the typo-tolerant look-up of a written word
/// (issue 16): the word itself, its stem, or the lexicon words one or two typos from it.
/// </summary>
internal sealed class LexiconVocabulary
{
    // Written words already looked up, shared by all turns: most words repeat, and a typo search is the costly part.
    // Bounded so that a flood of made-up words cannot grow it without end; past the bound words are simply not cached.
    private const int WordCacheLimit = 50_000;

    /// <summary>The length of a short body word ("back", "neck") that a three-letter typo of it ("bak", "nek") is read as.</summary>
    private const int ShortWordLength = 4;

    private readonly TextNormalizer _normalizer;
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly List<string>[] _wordsByLength = new List<string>[TextNormalizer.LongestWord + 3];
    private readonly HashSet<string> _knownWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _knownAsWritten = new(StringComparer.Ordinal);
    private readonly List<int[]> _phrases = [];
    private readonly ConcurrentDictionary<string, int[]> _wordCache = new(StringComparer.Ordinal);
    private List<string> _shortBodyWords = [];

    public LexiconVocabulary(Lexicon lexicon, TextNormalizer normalizer)
    {
        _normalizer = normalizer;
        for (var i = 0; i < _wordsByLength.Length; i++)
        {
            _wordsByLength[i] = [];
        }

        foreach (var known in lexicon.KnownWords)
        {
            _knownWords.Add(known);
            _knownWords.Add(WordStemmer.Stem(known));
            _knownAsWritten.Add(known);
        }
    }

    public IReadOnlySet<string> KnownWords => _knownWords;

    /// <summary>The words (ids) of a phrase, in order.</summary>
    public int[] Phrase(int phrase) => _phrases[phrase];

    /// <summary>The phrase ids of <paramref name="phrases"/>, interning their words; "=legs" is that exact word, not its stem.</summary>
    public int[] Compile(IEnumerable<string> phrases)
    {
        var ids = new List<int>();
        foreach (var phrase in phrases)
        {
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

    /// <summary>
    /// The one-word body-area phrases of four letters: a word of three letters one letter short of one of them ("bak",
    /// "nek") is read as it, unless it is a real word (<c>known_words</c>: "and" is not "hand", "but" not "butt").
    /// </summary>
    public void AllowShortTyposOf(IEnumerable<int> phrases) =>
        _shortBodyWords = [.. phrases.Select(p => _phrases[p]).Where(words => words.Length == 1)
            .Select(words => _words.First(w => w.Value == words[0]).Key)
            .Where(word => word.Length == ShortWordLength && word.All(char.IsLetter)).Distinct()];

    /// <summary>The lexicon words a written word stands for; <paramref name="work"/> counts the edit-distance comparisons made.</summary>
    public int[] WordsMatching(Token token, ref int work)
    {
        if (_wordCache.TryGetValue(token.Word, out var cached))
        {
            return cached;
        }

        var ids = LookUp(token, ref work);
        if (_wordCache.Count < WordCacheLimit)
        {
            _wordCache.TryAdd(token.Word, ids);
        }

        return ids;
    }

    private int Intern(string stem)
    {
        if (!_words.TryGetValue(stem, out var id))
        {
            id = _words.Count;
            _words[stem] = id;
            if (stem.Length < _wordsByLength.Length && !stem.StartsWith('='))
            {
                _wordsByLength[stem.Length].Add(stem);
            }
        }

        return id;
    }

    private int[] LookUp(Token token, ref int work)
    {
        var asWritten = _words.TryGetValue("=" + token.Word, out var word) ? word : -1;
        if (_words.TryGetValue(token.Stem, out var exact))
        {
            return asWritten >= 0 ? [exact, asWritten] : [exact];
        }

        if (asWritten >= 0)
        {
            return [asWritten];
        }

        // A doubled last letter ("kneee", "neckk") stems to what the lexicon word is before stemming: stem once more.
        if (WordStemmer.Stem(token.Stem) is var again && again != token.Stem && _words.TryGetValue(again, out var restemmed))
        {
            return [restemmed];
        }

        var stem = token.Stem;
        if (!stem.All(char.IsLetter))
        {
            return [];
        }

        // Checked on the word as written: the stems of known words ("baking" is "bak") are no reason to refuse "bak".
        if (token.Word.Length == ShortWordLength - 1)
        {
            return _knownAsWritten.Contains(token.Word) ? [] : ShortTypo(token.Word, ref work);
        }

        if (_knownWords.Contains(token.Word) || _knownWords.Contains(stem))
        {
            return [];
        }

        if (stem.Length < 4)
        {
            return [];
        }

        List<int>? found = null;
        for (var length = Math.Max(4, stem.Length - 2); length <= Math.Min(stem.Length + 2, _wordsByLength.Length - 1); length++)
        {
            var limit = EditDistance.AllowedTypos(length);
            if (Math.Abs(length - stem.Length) > limit)
            {
                continue;
            }

            foreach (var candidate in _wordsByLength[length])
            {
                work++;
                if (EditDistance.IsWithin(stem, candidate, limit))
                {
                    (found ??= []).Add(_words[candidate]);
                }
            }
        }

        return found is null ? [] : [.. found];
    }

    /// <summary>A three-letter word that is a four-letter body word with one letter dropped: "bak" is "back".</summary>
    private int[] ShortTypo(string stem, ref int work)
    {
        List<int>? found = null;
        foreach (var candidate in _shortBodyWords)
        {
            work++;
            if (IsOneLetterShort(stem, candidate))
            {
                (found ??= []).Add(_words[candidate]);
            }
        }

        return found is null ? [] : [.. found];
    }

    private static bool IsOneLetterShort(string shorter, string longer)
    {
        for (var skip = 0; skip < longer.Length; skip++)
        {
            if (string.CompareOrdinal(longer, 0, shorter, 0, skip) == 0
                && string.CompareOrdinal(longer, skip + 1, shorter, skip, shorter.Length - skip) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
