using BalanceBot.Core.Conversations;
using BalanceBot.Core.Understanding;

namespace BalanceBot.Core.Tests.Understanding;

public sealed class LexiconFileTests
{
    private const string Minimal = """
        language: en
        negation: { window: 5, before: [no] }
        concepts:
          chest: [chest]
        safety:
          - { id: chest_pain, class: emergency, all: ["@chest", "pain"] }
          - { id: die, class: crisis, all: ["want to die"] }
        """;

    [Fact]
    public void A_minimal_lexicon_is_valid()
    {
        var problems = new List<DialogProblem>();
        Assert.NotNull(LexiconFileParser.Parse("en.yaml", Minimal, problems));
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("\"@chest\"", "\"@heart\"", "en.yaml:6: safety rule 'chest_pain': unknown concept '@heart'")]
    [InlineData("class: emergency", "class: urgent", "en.yaml:6: safety rule 'chest_pain': class must be emergency or crisis")]
    [InlineData("window: 5", "window: 0", "en.yaml:2: negation window must be a whole number of words from 1 to 20")]
    [InlineData("id: die", "id: chest_pain", "en.yaml:7: safety rule id 'chest_pain' is used twice")]
    [InlineData("language: en", "language: en\nextra: 1", "en.yaml:2: unknown key 'extra'")]
    public void A_broken_lexicon_names_the_file_and_line(string find, string replace, string expected)
    {
        var problems = new List<DialogProblem>();
        Assert.Null(LexiconFileParser.Parse("en.yaml", Minimal.Replace(find, replace, StringComparison.Ordinal), problems));
        Assert.Contains(problems, p => p.ToString().StartsWith(expected, StringComparison.Ordinal));
    }
}

/// <summary>The real English lexicon's concepts agree with each other (issue 16).</summary>
public sealed class EnglishLexiconTests
{
    /// <summary>A complaint names an area: a word the layer reads as a body area but the complaint intent does not know
    /// ("my lumbar region is killing me", "my delts ache") would be read and then not acted on.</summary>
    [Fact]
    public void Every_body_area_word_is_one_a_complaint_can_name()
    {
        var concepts = Conversations.TestDialogs.RealUnderstanding.Value.Lexicon.Concepts;
        // "chest" and "posture" find the upper back's stretches only: chest pain is the safety scan's, never a muscle complaint.
        var complaintWords = concepts["body_area"].Append("chest").Append("posture").ToHashSet(StringComparer.Ordinal);
        var missing = concepts
            .Where(c => c.Key.StartsWith(LanguageUnderstanding.AreaConceptPrefix, StringComparison.Ordinal) && c.Key != "area_general")
            .SelectMany(c => c.Value)
            .Where(word => !complaintWords.Contains(word))
            .ToList();
        Assert.True(missing.Count == 0, "not in body_area: " + string.Join(", ", missing));
    }
}
