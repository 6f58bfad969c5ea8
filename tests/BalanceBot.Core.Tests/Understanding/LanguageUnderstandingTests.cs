using BalanceBot.Core.Checkup;
using BalanceBot.Core.Tests.Conversations;
using BalanceBot.Core.Understanding;

namespace BalanceBot.Core.Tests.Understanding;

public sealed class LanguageUnderstandingTests
{
    private static LanguageUnderstanding Layer => TestDialogs.RealUnderstanding.Value;

    private static string[] Words(string text) => Layer.Understand(text).Tokens.Select(t => t.Word).ToArray();

    [Theory]
    [InlineData("I can't feel my legs")]
    [InlineData("I cant feel my legs")]
    [InlineData("I cannot feel my legs")]
    [InlineData("I CAN’T FEEL MY LEGS!!!")]
    public void Every_spelling_of_cannot_reads_as_can_not(string text) =>
        Assert.Equal(["i", "can", "not", "feel", "my", "legs"], Words(text));

    [Fact]
    public void British_spellings_and_number_words_are_mapped()
    {
        Assert.Contains("color", Words("the colour of tea"));
        Assert.Equal(["for", "5", "weeks"], Words("for five weeks"));
        Assert.Equal(["for", "5", "weeks"], Words("for 5 weeks"));
    }

    [Theory]
    [InlineData("legs", "leg")]
    [InlineData("tingling", "tingl")]
    [InlineData("tingle", "tingl")]
    [InlineData("stockpiled", "stockpil")]
    [InlineData("stockpiling", "stockpil")]
    [InlineData("numbness", "numb")]
    [InlineData("stopped", "stop")]
    public void Stems_bring_word_forms_together(string word, string stem) =>
        Assert.Equal(stem, WordStemmer.Stem(word));

    [Theory]
    [InlineData("numb", "numbb", 1, true)]
    [InlineData("numb", "nmub", 1, true)]
    [InlineData("numb", "nub", 1, true)]
    [InlineData("numb", "dumbo", 1, false)]
    [InlineData("paracetamol", "parcetamoll", 2, true)]
    [InlineData("paracetamol", "pracetmaoll", 2, false)]
    public void Damerau_levenshtein_is_bounded(string a, string b, int limit, bool within) =>
        Assert.Equal(within, EditDistance.IsWithin(a, b, limit));

    [Fact]
    public void Typos_allowed_grow_with_the_length_of_the_word()
    {
        Assert.Equal(0, EditDistance.AllowedTypos(3));
        Assert.Equal(1, EditDistance.AllowedTypos(4));
        Assert.Equal(1, EditDistance.AllowedTypos(7));
        Assert.Equal(2, EditDistance.AllowedTypos(8));
    }

    [Theory]
    [InlineData("my legs are both numbb", SafetyConcern.Emergency)]
    [InlineData("both legs are numb", SafetyConcern.Emergency)]
    [InlineData("numbness in both of my legs", SafetyConcern.Emergency)]
    [InlineData("no numbness in either leg", SafetyConcern.NegatedEmergency)]
    [InlineData("my legs are not numb, but I can't pee", SafetyConcern.Emergency)]
    [InlineData("I'm not sure if my chest hurts", SafetyConcern.Emergency)]
    [InlineData("maybe a bit of chest pain", SafetyConcern.Emergency)]
    [InlineData("no chest pain. My back hurts", SafetyConcern.NegatedEmergency)]
    [InlineData("no chest pain. I can't breathe", SafetyConcern.Emergency)]
    [InlineData("without any chest pain", SafetyConcern.NegatedEmergency)]
    public void Negation_reaches_its_clause_and_hedges_count_as_yes(string text, SafetyConcern expected) =>
        Assert.Equal(expected, Layer.Understand(text).Safety);

    [Fact]
    public void A_hedge_is_reported()
    {
        Assert.True(Layer.Understand("I think my legs are numb").Hedged);
        Assert.False(Layer.Understand("my legs are numb").Hedged);
    }

    [Fact]
    public void Rule_ids_not_text_explain_a_finding()
    {
        var found = Layer.Understand("my pee looks like cola after the gym");
        Assert.Equal(SafetyConcern.Emergency, found.Safety);
        Assert.Contains("dark_urine", found.SafetyRuleIds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😀😀😀🙏")]
    [InlineData("!!!???...")]
    public void Nothing_to_read_raises_nothing(string text) =>
        Assert.Equal(SafetyConcern.None, Layer.Understand(text).Safety);

    /// <summary>
    /// Hostile input (a huge word, thousands of repeats, emoji only) is read to its end, so a red flag after it is
    /// still found, and a huge word is cut to one bounded token. Its cost is measured by hand in the benchmark, not here.
    /// </summary>
    [Fact]
    public void Hostile_input_is_read_to_its_end()
    {
        var hugeWord = new string('a', 100_000);
        var repeated = string.Concat(Enumerable.Repeat("numb numb numb ", 5_000));
        Assert.Equal(SafetyConcern.Emergency, Layer.Understand(hugeWord + " I can't breathe").Safety);
        Assert.Equal(SafetyConcern.Emergency, Layer.Understand(repeated + ". chest pain").Safety);
        Assert.Equal(SafetyConcern.Crisis, Layer.Understand(string.Concat(Enumerable.Repeat("🙂 ", 20_000)) + "i want to die").Safety);
        Assert.True(Layer.Understand(hugeWord).Tokens.Count == 1);
        Assert.True(Layer.Understand(hugeWord).Tokens[0].Word.Length <= TextNormalizer.LongestWord);
    }
}
