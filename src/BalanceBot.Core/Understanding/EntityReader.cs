using System.Globalization;

namespace BalanceBot.Core.Understanding;

/// <summary>
/// Reads the entities of a complaint (issue 16) from lexicon concepts named by kind: <c>area_&lt;id&gt;</c> (body
/// areas), <c>onset_&lt;id&gt;</c> (how it started: sudden, gradual, after lifting, sport, a fall, an accident) and
/// <c>severity_&lt;band&gt;</c> (mild, moderate, severe), plus a score written as "7/10" or "7 out of 10". A mention
/// that is negated ("not after a fall") is not read.
/// </summary>
internal sealed class EntityReader
{
    public const string AreaPrefix = "area_";
    public const string OnsetPrefix = "onset_";
    public const string SeverityPrefix = "severity_";
    public const string SidePrefix = "side_";

    /// <summary>How near a side word must be to a body area to be its side ("right shoulder", "left side of my neck").</summary>
    public const int SideReach = 4;

    /// <summary>The highest score of the pain scale the check-up and people use ("out of 10").</summary>
    public const int ScaleTop = 10;

    private readonly (string Id, int[] Phrases)[] _areas;
    private readonly (string Id, int[] Phrases)[] _onsets;
    private readonly (string Id, int[] Phrases)[] _severities;
    private readonly (string Id, int[] Phrases)[] _sides;

    public EntityReader(Lexicon lexicon, LexiconVocabulary vocabulary)
    {
        _areas = Concepts(lexicon, vocabulary, AreaPrefix);
        _onsets = Concepts(lexicon, vocabulary, OnsetPrefix);
        _severities = Concepts(lexicon, vocabulary, SeverityPrefix);
        _sides = Concepts(lexicon, vocabulary, SidePrefix);
        vocabulary.AllowShortTyposOf(_areas.SelectMany(a => a.Phrases));
    }

    /// <summary>Every phrase of every entity concept: a cue word inside one ("did not do anything") is no negation.</summary>
    public IEnumerable<int> Phrases => _areas.Concat(_onsets).Concat(_severities).Concat(_sides).SelectMany(c => c.Phrases);

    /// <summary>The ids of the severity bands, mildest first, as the lexicon lists them.</summary>
    public IReadOnlyList<string> SeverityBands => [.. _severities.Select(s => s.Id)];

    /// <summary>
    /// The body areas named and not denied, the most specific first: the area whose matched phrase has the most
    /// words wins ("middle of my back" is the upper back although "back" alone is the lower back), then lexicon order.
    /// </summary>
    public string[] BodyAreas(MessageScan scan)
    {
        // Words that overlap a longer area phrase of another area (or one as long that starts first) are part of
        // that one: "the top of my back" is not also the lower back, "upper back ache" not "back ache", "shoulder
        // blades" not also the shoulder.
        var found = _areas.Select((area, order) => (area.Id, Order: order, Where: scan.Affirmed(area.Phrases).ToList())).Where(a => a.Where.Count > 0).ToList();
        bool Inside(Occurrence o, string id) => found.Exists(other => other.Id != id
            && other.Where.Exists(w => w.Start <= o.End && o.Start <= w.End
                && (w.End - w.Start > o.End - o.Start || (w.End - w.Start == o.End - o.Start && w.Start < o.Start))));
        return [.. found
            .Select(a => (a.Id, a.Order, Own: a.Where.Where(o => !Inside(o, a.Id)).ToList()))
            .Where(a => a.Own.Count > 0)
            .OrderByDescending(a => a.Own.Max(o => o.End - o.Start)).ThenBy(a => a.Order)
            .Select(a => a.Id)];
    }

    /// <summary>
    /// The sides of the body areas (<c>left</c>, <c>right</c>, <c>both</c>): a side word counts only next to a body
    /// area in the same sentence, so "that's right" or "right now" is no side.
    /// </summary>
    public string[] Sides(MessageScan scan)
    {
        var areas = _areas.SelectMany(a => scan.Affirmed(a.Phrases)).ToList();
        if (areas.Count == 0)
        {
            return [];
        }

        return [.. _sides
            .Where(side => scan.Affirmed(side.Phrases).Any(s => areas.Exists(a => a.Sentence == s.Sentence
                && Math.Max(a.Start - s.End, s.Start - a.End) <= SideReach)))
            .Select(side => side.Id)];
    }

    /// <summary>How it started, the most specific mention first ("fell off a ladder" before "suddenly").</summary>
    public string[] Onsets(MessageScan scan) => Ranked(scan, _onsets);

    /// <summary>The severity: a score "n/10" when written (its band from the lexicon's order), else the strongest band named.</summary>
    public Severity? Severity(MessageScan scan, IReadOnlyList<Token> tokens)
    {
        if (Score(tokens) is { } score)
        {
            return new Severity(BandOfScore(score), score);
        }

        var named = _severities.Where(s => scan.LongestAffirmed(s.Phrases) > 0).Select(s => s.Id).LastOrDefault();
        return named is null ? null : new Severity(named, null);
    }

    // The usual reading of the 0-10 scale [NHS-PAIN-SCALE]: up to 3 mild, up to 6 moderate, 7 and over severe (the
    // check-up's own threshold for asking about sudden severe pain), over the lexicon's bands mildest first.
    private string BandOfScore(int score) => _severities.Length == 0 ? ""
        : _severities[Math.Min(_severities.Length - 1, score <= 3 ? 0 : score <= 6 ? 1 : 2)].Id;

    /// <summary>"7/10", "7 out of 10", "7 of 10", "a 7 out of ten" (words are digits by then); the first such.</summary>
    private static int? Score(IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!IsScore(tokens[i].Word, out var score))
            {
                continue;
            }

            var next = tokens[i + 1].Word;
            var top = next == "out" && i + 3 < tokens.Count && tokens[i + 2].Word == "of" ? tokens[i + 3].Word
                : next == "of" && i + 2 < tokens.Count ? tokens[i + 2].Word
                : next;
            if (top == ScaleTop.ToString(CultureInfo.InvariantCulture))
            {
                return score;
            }
        }

        return null;
    }

    private static bool IsScore(string word, out int score) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out score) && score <= ScaleTop;

    private static string[] Ranked(MessageScan scan, (string Id, int[] Phrases)[] concepts)
    {
        var found = new List<(string Id, int Words, int Order)>();
        for (var i = 0; i < concepts.Length; i++)
        {
            var words = scan.LongestAffirmed(concepts[i].Phrases);
            if (words > 0)
            {
                found.Add((concepts[i].Id, words, i));
            }
        }

        return [.. found.OrderByDescending(f => f.Words).ThenBy(f => f.Order).Select(f => f.Id)];
    }

    private static (string Id, int[] Phrases)[] Concepts(Lexicon lexicon, LexiconVocabulary vocabulary, string prefix) =>
        [.. lexicon.Concepts
            .Where(concept => concept.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(concept => (concept.Key[prefix.Length..], vocabulary.Compile(concept.Value)))];
}

/// <summary>How bad it is: a band id of the lexicon (<c>mild</c>, <c>moderate</c>, <c>severe</c>) and the score when one was written.</summary>
public sealed record Severity(string Band, int? Score);
