using BalanceBot.Core.Conversations;
using BalanceBot.Core.Tests.Conversations;
using BalanceBot.Testing;

namespace BalanceBot.Core.Tests.Understanding;

/// <summary>Typed answers to the real check-up's questions, matched through the understanding layer (issue 16).</summary>
public sealed class AnswerMatchingTests
{
    private static readonly DialogDefinition Checkup = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create()).GetDialog("checkup");

    private static string? Answer(string stepId, string text)
    {
        var choices = Checkup.FindStep(stepId)!.Choices;
        var layer = TestDialogs.RealUnderstanding.Value;
        return (layer.DurationChoice(choices, text) ?? layer.MatchChoice(choices, text))?.Id;
    }

    [Theory]
    [InlineData("my thighs", "calf_leg")]
    [InlineData("thumb", "arm_hand")]
    [InlineData("knuckles", "arm_hand")]
    [InlineData("forearms", "arm_hand")]
    [InlineData("my forarm", "arm_hand")]
    [InlineData("foot", "calf_leg")]
    [InlineData("the middle of my back", "upper_back")]
    [InlineData("between the shoulder blades", "upper_back")]
    [InlineData("lower back", "lower_back")]
    [InlineData("not my lower back, my neck", "neck")]
    [InlineData("sholder", "shoulder")]
    public void Body_areas_are_read_in_lay_words_with_plurals_and_typos(string text, string expected) =>
        Assert.Equal(expected, Answer("area", text));

    [Theory]
    [InlineData("5 weeks", "weeks_3_to_6")]
    [InlineData("8 weeks", "weeks_6_to_12")]
    [InlineData("10 days", "weeks_1_to_2")]
    [InlineData("ten days", "weeks_1_to_2")]
    [InlineData("3-4 days", "under_1_week")]
    [InlineData("since Monday", "under_1_week")]
    [InlineData("on and off for months", "weeks_6_to_12")]
    [InlineData("a couple of weeks", "weeks_1_to_2")]
    [InlineData("about a month", "weeks_3_to_6")]
    [InlineData("2 years", "over_3_months")]
    [InlineData("days", "under_1_week")]
    public void Durations_are_read_by_their_length(string text, string expected) =>
        Assert.Equal(expected, Answer("common_duration", text));

    [Theory]
    [InlineData("more than 6 weeks", "weeks_6_to_12")]
    [InlineData("over six weeks", "weeks_6_to_12")]
    [InlineData("6 weeks or more", "weeks_6_to_12")]
    [InlineData("for the past 6 weeks", "weeks_3_to_6")]
    [InlineData("less than a week", "under_1_week")]
    [InlineData("under 2 weeks", "weeks_1_to_2")]
    public void A_boundary_with_more_than_or_less_than_lies_on_its_side(string text, string expected) =>
        Assert.Equal(expected, Answer("common_duration", text));

    [Fact]
    public void Every_duration_choice_typed_as_its_own_label_is_that_choice()
    {
        // "More than 6 weeks" typed out was read as exactly six weeks, "2 to 6 weeks": a lower level than pressing it.
        var choices = Checkup.FindStep("common_duration")!.Choices;

        Assert.All(choices, choice => Assert.Equal(choice.Id, Answer("common_duration", choice.Label)));
    }
}
