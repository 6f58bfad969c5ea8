using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Tests.Conversations;
using BalanceBot.Core.Understanding;

namespace BalanceBot.Core.Tests.Understanding;

/// <summary>
/// Bad input (issue 16): very long, repeated, mixed-language, emoji-only and huge-word messages cost work linear in
/// their length (counted by <see cref="MessageUnderstanding.Work"/>, not timed) and still get read.
/// </summary>
public sealed class HostileInputTests
{
    private static LanguageUnderstanding Layer => TestDialogs.RealUnderstanding.Value;

    /// <summary>Generous: the corpus averages far less per token; what matters is that it does not grow with length squared.</summary>
    private const int WorkPerToken = 400;

    [Fact]
    public void A_100_KB_message_of_repeated_complaint_and_negation_words_costs_work_linear_in_its_length()
    {
        // Many cues, many phrase starts and many sentences: the shape that made span and negation searches quadratic.
        var unit = "no chest. pain no numb legs both tingl. ";
        var text = string.Concat(Enumerable.Repeat(unit, 100_000 / unit.Length));
        var small = Layer.Understand(string.Concat(Enumerable.Repeat(unit, 10_000 / unit.Length)));

        var understood = Layer.Understand(text);

        Assert.True(understood.Tokens.Count > 15_000);
        Assert.True(understood.Work <= WorkPerToken * understood.Tokens.Count, $"work {understood.Work} for {understood.Tokens.Count} tokens");
        // Ten times the text, about ten times the work (not a hundred).
        Assert.True(understood.Work <= 15 * small.Work, $"work {understood.Work} vs {small.Work} for a tenth of the text");
    }

    [Fact]
    public void A_10_KB_single_word_is_cut_to_one_bounded_token()
    {
        var understood = Layer.Understand(new string('a', 5_000) + new string('b', 5_000));

        var token = Assert.Single(understood.Tokens);
        Assert.Equal(TextNormalizer.LongestWord, token.Word.Length);
        Assert.True(understood.Work < 1_000, $"work {understood.Work}");
        Assert.Equal(SafetyConcern.None, understood.Safety);
    }

    [Fact]
    public void Made_up_words_cost_a_bounded_number_of_typo_comparisons_each()
    {
        var random = new Random(16);
        var words = Enumerable.Range(0, 5_000).Select(_ => new string([.. Enumerable.Range(0, random.Next(4, 12)).Select(_ => (char)('a' + random.Next(26)))]));
        var fresh = new LanguageUnderstanding(Layer.Lexicon);

        var understood = fresh.Understand(string.Join(' ', words));

        Assert.Equal(5_000, understood.Tokens.Count);
        Assert.True(understood.Work <= WorkPerToken * 5 * understood.Tokens.Count, $"work {understood.Work}");
    }

    [Theory]
    [InlineData("😀😀😀🙏🙏")]
    [InlineData("!!!???...")]
    [InlineData("")]
    public void Emoji_or_punctuation_only_is_read_as_nothing(string text)
    {
        var understood = Layer.Understand(text);
        Assert.Empty(understood.Tokens);
        Assert.Equal(SafetyConcern.None, understood.Safety);
    }

    [Fact]
    public void A_crisis_phrase_at_the_end_of_a_long_mixed_language_message_is_still_found()
    {
        var text = string.Concat(Enumerable.Repeat("Guten Morgen, ça va? 今日は 😀 my neck is a bit stiff. ", 1_500)) + "I want to end it all";

        Assert.Equal(SafetyConcern.Crisis, Layer.Understand(text).Safety);
    }

    [Fact]
    public async Task A_huge_message_gets_an_answer_from_the_engine()
    {
        using var bot = await new EngineHarness(DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create())).WelcomedAsync();
        await bot.ClickAsync("no");

        var replies = await bot.SayAsync(string.Concat(Enumerable.Repeat("blah ", 20_000)));

        Assert.NotEmpty(replies);
    }
}
