using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Understanding;

namespace BalanceBot.Testing;

/// <summary>
/// The labelled development corpus of the understanding layer (issue 16),
/// <c>tests/BalanceBot.Core.Tests/Understanding/understanding-corpus.tsv</c>, and its scoring: safety class, the
/// answer the message gets (the emergency or crisis dialog when the safety scan fires, else the intent's dialog) and
/// entities (body areas, side, duration band, onset, severity). Shared by the corpus test and the benchmark.
/// </summary>
public static class UnderstandingCorpus
{
    public static string FilePath => Path.Combine(RepositoryPaths.Root, "tests", "BalanceBot.Core.Tests", "Understanding", "understanding-corpus.tsv");

    /// <summary>Entity kinds scored, in the order of the file's columns after safety and intent.</summary>
    public static readonly string[] EntityKinds = ["area", "side", "duration", "onset", "severity"];

    public static IReadOnlyList<Entry> Load() => [.. File.ReadLines(FilePath)
        .Select((line, index) => (line, index))
        .Where(l => l.line.Length > 0 && !l.line.StartsWith('#'))
        .Select(l => Entry.Parse(l.line, l.index + 1))];

    /// <summary>What the layer read, in the corpus's terms.</summary>
    public static Reading Read(LanguageUnderstanding layer, string text)
    {
        var understood = layer.Understand(text);
        var safety = Name(understood.Safety);
        var answer = understood.Safety switch
        {
            SafetyConcern.Emergency => "emergency",
            SafetyConcern.Crisis => "crisis",
            // As the engine: small talk only from a short message ("done", not "I'm so done with this week").
            _ when understood.IntentDialog is { } dialog && SystemDialogs.IsSmallTalk(dialog) && understood.Tokens.Count > SystemDialogs.SmallTalkMaxWords => "-",
            _ => understood.IntentDialog ?? "-",
        };
        var severity = understood.Severity is { } s ? (s.Score is { } score ? [score.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Band] : new[] { s.Band }) : [];
        var duration = understood.DurationDays is { } days
            ? layer.Lexicon.Durations.Answers.Where(a => a.Value.Min <= days && days <= a.Value.Max).Select(a => a.Key).Take(1).ToArray()
            : [];
        return new Reading(safety, answer, new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["area"] = understood.BodyAreas,
            ["side"] = understood.Sides,
            ["duration"] = duration,
            ["onset"] = understood.Onsets,
            ["severity"] = severity,
        }, understood);
    }

    /// <summary>
    /// Per kind: true positives, false positives, false negatives over the values labelled and found. A severity
    /// labelled as a score ("7") is matched by the score; labelled as a band, by the band.
    /// </summary>
    public static (int TruePositives, int FalsePositives, int FalseNegatives) Score(Entry entry, Reading reading, string kind)
    {
        var expected = entry.Entities[kind];
        var found = reading.Entities[kind];
        if (kind == "severity" && found.Count > 0)
        {
            found = expected.Count > 0 && int.TryParse(expected[0], out _) ? [found[0]] : [found[^1]];
        }

        var truePositives = expected.Count(found.Contains);
        return (truePositives, found.Count(f => !expected.Contains(f)), expected.Count - truePositives);
    }

    public static string Name(SafetyConcern concern) => concern switch
    {
        SafetyConcern.Emergency => "emergency",
        SafetyConcern.Crisis => "crisis",
        SafetyConcern.NegatedEmergency => "negated",
        _ => "none",
    };

    public sealed record Entry(string Safety, string Answer, IReadOnlyDictionary<string, IReadOnlyList<string>> Entities, string Text, int Line)
    {
        public static Entry Parse(string line, int number)
        {
            var columns = line.Split('\t');
            if (columns.Length != 3 + EntityKinds.Length)
            {
                throw new InvalidDataException($"understanding-corpus.tsv:{number}: {columns.Length} columns, expected {3 + EntityKinds.Length}");
            }

            if (columns[0] is not ("emergency" or "crisis" or "negated" or "none"))
            {
                throw new InvalidDataException($"understanding-corpus.tsv:{number}: unknown safety class '{columns[0]}'");
            }

            var entities = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            for (var k = 0; k < EntityKinds.Length; k++)
            {
                entities[EntityKinds[k]] = columns[2 + k] == "-" ? [] : columns[2 + k].Split(',');
            }

            return new Entry(columns[0], columns[1], entities, columns[^1], number);
        }
    }

    public sealed record Reading(string Safety, string Answer, IReadOnlyDictionary<string, IReadOnlyList<string>> Entities, MessageUnderstanding Understood);
}
