using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Understanding;
using BalanceBot.Testing;

namespace BalanceBot.Core.Tests.Understanding;

/// <summary>
/// The safety corpus (issue 16) through the real lexicon: every emergency and crisis message is found (recall 100%),
/// a denied emergency sign is asked about, everyday messages raise nothing; and every safety rule is needed.
/// </summary>
public sealed class SafetyCorpusTests
{
    private static readonly Lazy<Lexicon> RealLexicon = new(() => LoadLexicon(out _));

    /// <summary>The safety classes of the labelled corpus (<c>understanding-corpus.tsv</c>).</summary>
    public static IReadOnlyList<(SafetyConcern Expected, string Text)> Corpus { get; } = [.. UnderstandingCorpus.Load()
        .Select(entry => (entry.Safety switch
        {
            "emergency" => SafetyConcern.Emergency,
            "crisis" => SafetyConcern.Crisis,
            "negated" => SafetyConcern.NegatedEmergency,
            _ => SafetyConcern.None,
        }, entry.Text))];

    [Fact]
    public void The_corpus_is_big_enough_to_mean_something()
    {
        Assert.True(Corpus.Count(c => c.Expected is SafetyConcern.Emergency or SafetyConcern.Crisis) >= 120);
        Assert.True(Corpus.Count(c => c.Expected is SafetyConcern.None) >= 40);
    }

    [Fact]
    public void Every_emergency_and_crisis_message_is_found()
    {
        var understanding = new LanguageUnderstanding(RealLexicon.Value);
        var misses = Misses(understanding, c => c is SafetyConcern.Emergency or SafetyConcern.Crisis);
        Assert.True(misses.Count == 0, "safety misses:\n" + string.Join("\n", misses));
    }

    [Fact]
    public void A_denied_emergency_sign_is_asked_about_and_everyday_messages_raise_nothing()
    {
        var understanding = new LanguageUnderstanding(RealLexicon.Value);
        var wrong = Misses(understanding, c => c is SafetyConcern.NegatedEmergency or SafetyConcern.None);
        Assert.True(wrong.Count == 0, "wrong class:\n" + string.Join("\n", wrong));
    }

    /// <summary>The mutation check: take any one safety rule out of the lexicon and some corpus message is missed.</summary>
    [Fact]
    public void Removing_any_one_safety_rule_makes_the_corpus_fail()
    {
        var lexicon = RealLexicon.Value;
        var unneeded = new List<string>();
        foreach (var rule in lexicon.SafetyRules)
        {
            var mutant = new LanguageUnderstanding(lexicon with { SafetyRules = lexicon.SafetyRules.Where(r => r != rule).ToList() });
            if (Misses(mutant, c => c is SafetyConcern.Emergency or SafetyConcern.Crisis).Count == 0)
            {
                unneeded.Add(rule.Id);
            }
        }

        Assert.True(unneeded.Count == 0, "no corpus message needs: " + string.Join(", ", unneeded));
    }

    [Fact]
    public void Removing_one_phrase_from_an_emergency_concept_makes_the_corpus_fail()
    {
        var lexicon = RealLexicon.Value;
        var concepts = lexicon.Concepts.ToDictionary(c => c.Key, c => c.Value);
        concepts["dark"] = concepts["dark"].Where(word => !word.Contains("cola", StringComparison.Ordinal)).ToList();
        var mutant = new LanguageUnderstanding(lexicon with { Concepts = concepts });

        Assert.Contains(Misses(mutant, c => c is SafetyConcern.Emergency), miss => miss.Contains("cola", StringComparison.Ordinal));
    }

    private static List<string> Misses(LanguageUnderstanding understanding, Func<SafetyConcern, bool> classes) =>
        Corpus.Where(c => classes(c.Expected))
            .Select(c => (c.Expected, c.Text, Found: understanding.Understand(c.Text)))
            .Where(c => c.Found.Safety != c.Expected)
            .Select(c => $"{c.Expected} <- {c.Found.Safety} [{string.Join(",", c.Found.SafetyRuleIds)}]: {c.Text}")
            .ToList();

    private static Lexicon LoadLexicon(out List<DialogProblem> problems)
    {
        problems = [];
        var file = Path.Combine(RepositoryPaths.Dialogs, LexiconFileParser.FolderName, "en.yaml");
        var lexicon = LexiconFileParser.Parse(file, File.ReadAllText(file), problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return lexicon!;
    }
}
