using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Tests.Conversations;

public sealed class AnswerRecognizerTests
{
    [Theory]
    [InlineData("9", "09:00")]
    [InlineData("9:30", "09:30")]
    [InlineData("09.30", "09:30")]
    [InlineData("0930", "09:30")]
    [InlineData("9am", "09:00")]
    [InlineData("9 am", "09:00")]
    [InlineData("8:30am", "08:30")]
    [InlineData("5:15 pm", "17:15")]
    [InlineData("5:15 p.m", "17:15")]
    [InlineData("12am", "00:00")]
    [InlineData("12pm", "12:00")]
    [InlineData("17h", "17:00")]
    [InlineData("17h30", "17:30")]
    [InlineData("at 7", "07:00")]
    [InlineData("noon", "12:00")]
    [InlineData("midnight", "00:00")]
    public void Times_of_day_are_read_in_their_common_written_forms(string input, string expected) =>
        Assert.Equal(expected, AnswerRecognizers.TimeOfDay(InputText.Normalize(input)));

    [Theory]
    [InlineData("25:00")]
    [InlineData("9:75")]
    [InlineData("13pm")]
    [InlineData("0am")]
    [InlineData("tomorrow")]
    [InlineData("")]
    public void Impossible_or_vague_times_are_not_accepted(string input) =>
        Assert.Null(AnswerRecognizers.TimeOfDay(InputText.Normalize(input)));

    [Theory]
    [InlineData("7", 7)]
    [InlineData("7/10", 7)]
    [InlineData("about 7", 7)]
    [InlineData("seven", 7)]
    [InlineData("zero", 0)]
    [InlineData("10", 10)]
    public void Whole_numbers_are_read_from_digits_or_words(string input, int expected) =>
        Assert.Equal(expected, AnswerRecognizers.Number(InputText.Normalize(input), 0, 10));

    [Theory]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("7.5")]
    [InlineData("lots")]
    public void Numbers_out_of_range_fractions_and_non_numbers_are_not_accepted(string input) =>
        Assert.Null(AnswerRecognizers.Number(InputText.Normalize(input), 0, 10));

    [Theory]
    [InlineData("yes, I did", true)]
    [InlineData("no, not today", false)]
    [InlineData("👍", true)]
    [InlineData("maybe", null)]
    public void Yes_or_no_is_read_from_the_first_word(string input, bool? expected) =>
        Assert.Equal(expected, AnswerRecognizers.Confirm(null, InputText.Normalize(input)));

    [Fact]
    public void A_number_inside_a_sentence_is_not_taken_as_a_choice()
    {
        ChoiceDefinition[] choices =
        [
            new("a", "Alpha", [], null, default),
            new("b", "Beta", [], null, default),
        ];

        Assert.Null(AnswerRecognizers.Choice(choices, null, InputText.Normalize("I have 2 cats")));
        Assert.Equal("b", AnswerRecognizers.Choice(choices, null, "2")!.Id);
        Assert.Null(AnswerRecognizers.Choice(choices, null, "3"));
    }

    [Theory]
    [InlineData("  Help?  ", "help")]
    [InlineData("START   over!", "start over")]
    [InlineData("?", "?")]
    public void Input_is_normalised_for_matching(string input, string expected) =>
        Assert.Equal(expected, InputText.Normalize(input));
}
