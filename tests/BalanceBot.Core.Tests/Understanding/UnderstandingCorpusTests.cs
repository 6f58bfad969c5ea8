using BalanceBot.Core.Tests.Conversations;

namespace BalanceBot.Core.Tests.Understanding;

/// <summary>
/// The labelled development corpus (issue 16, <c>understanding-corpus.tsv</c>) through the real lexicon and layer:
/// no emergency or crisis message missed, at least 95% of messages get the right answer, and every entity kind is
/// read with an F1 of at least 90%. The benchmark (<c>--understanding</c>) prints the same figures per class.
/// </summary>
public sealed class UnderstandingCorpusTests
{
    private static readonly Lazy<List<(UnderstandingCorpus.Entry Entry, UnderstandingCorpus.Reading Reading)>> Results = new(() =>
        [.. UnderstandingCorpus.Load().Select(e => (e, UnderstandingCorpus.Read(TestDialogs.RealUnderstanding.Value, e.Text)))]);

    [Fact]
    public void The_corpus_has_at_least_400_messages_and_120_emergency_and_crisis_ones()
    {
        var corpus = UnderstandingCorpus.Load();
        Assert.True(corpus.Count >= 400, $"only {corpus.Count} messages");
        Assert.True(corpus.Count(e => e.Safety is "emergency" or "crisis") >= 120);
        Assert.True(corpus.Count(e => e.Safety == "none") >= 100);
        Assert.Equal(corpus.Count, corpus.Select(e => e.Text.ToLowerInvariant()).Distinct().Count());
    }

    [Fact]
    public void No_emergency_or_crisis_message_is_missed()
    {
        var misses = Results.Value
            .Where(r => r.Entry.Safety is "emergency" or "crisis" && r.Reading.Safety != r.Entry.Safety)
            .Select(r => $"line {r.Entry.Line}: {r.Entry.Safety} <- {r.Reading.Safety} [{string.Join(",", r.Reading.Understood.SafetyRuleIds)}]: {r.Entry.Text}")
            .ToList();
        Assert.True(misses.Count == 0, "safety misses:\n" + string.Join("\n", misses));
    }

    [Fact]
    public void At_least_95_percent_of_messages_get_the_right_answer()
    {
        var wrong = Results.Value
            .Where(r => r.Reading.Answer != r.Entry.Answer)
            .Select(r => $"line {r.Entry.Line}: {r.Entry.Answer} <- {r.Reading.Answer}: {r.Entry.Text}")
            .ToList();
        Assert.True(wrong.Count * 20 <= Results.Value.Count, $"{wrong.Count} of {Results.Value.Count} wrong:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("area")]
    [InlineData("side")]
    [InlineData("duration")]
    [InlineData("onset")]
    [InlineData("severity")]
    public void Every_entity_kind_is_read_with_an_F1_of_at_least_90_percent(string kind)
    {
        var scores = Results.Value.Select(r => (r.Entry, Score: UnderstandingCorpus.Score(r.Entry, r.Reading, kind))).ToList();
        var truePositives = scores.Sum(s => s.Score.TruePositives);
        var errors = scores.Sum(s => s.Score.FalsePositives + s.Score.FalseNegatives);
        var f1 = 2.0 * truePositives / ((2.0 * truePositives) + errors);
        Assert.True(truePositives >= 15, $"only {truePositives} {kind} labels found: too few to measure");
        Assert.True(f1 >= 0.9, $"{kind} F1 {f1:P1}:\n" + string.Join("\n", scores
            .Where(s => s.Score.FalsePositives + s.Score.FalseNegatives > 0)
            .Select(s => $"line {s.Entry.Line}: expected {string.Join(",", s.Entry.Entities[kind])}: {s.Entry.Text}")));
    }
}
