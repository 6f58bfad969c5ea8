using BalanceBot.Core.Conversations;
using BalanceBot.Core.Tests.Conversations;
using BalanceBot.Testing;

namespace BalanceBot.Core.Tests.Understanding;

/// <summary>Small talk and "stretch &lt;any area&gt;" in real turns over the real dialogs folder (issue 16).</summary>
public sealed class SmallTalkAndStretchTurnTests
{
    private static readonly DialogCatalog Catalog = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create());

    // The harness's user is called Robin.
    private static string SmallTalkLine(string dialogId) => Catalog.GetDialog(dialogId).Steps[0].Text!.Replace("{user_name}", "Robin", StringComparison.Ordinal);

    [Theory]
    [InlineData("thanks", "small_talk_thanks")]
    [InlineData("Thank you!", "small_talk_thanks")]
    [InlineData("thx", "small_talk_thanks")]
    [InlineData("cheers", "small_talk_thanks")]
    [InlineData("hi", "small_talk_greeting")]
    [InlineData("Hello", "small_talk_greeting")]
    [InlineData("good morning", "small_talk_greeting")]
    public async Task Small_talk_outside_a_dialog_gets_its_own_short_answer_and_no_question(string text, string dialogId)
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.ClickAsync("no");
        Assert.Null((await bot.StateAsync()).Active);

        var replies = await bot.SayAsync(text);

        Assert.Equal([SmallTalkLine(dialogId)], replies.Select(r => r.Text));
        Assert.Null((await bot.StateAsync()).Active);
    }

    [Theory]
    [InlineData("thanks", "small_talk_thanks")]
    [InlineData("hello", "small_talk_greeting")]
    [InlineData("done", "small_talk_nothing_due")]
    [InlineData("skip", "small_talk_nothing_due")]
    public async Task Small_talk_at_the_menu_is_answered_and_the_menu_asked_again_never_a_retry(string text, string dialogId)
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        var menu = (await bot.SayAsync("menu")).Single(r => r.ExpectsInput);

        var replies = await bot.SayAsync(text);

        Assert.Equal(SmallTalkLine(dialogId), replies[0].Text);
        var again = Assert.Single(replies, r => r.ExpectsInput);
        Assert.Equal(menu.Text, again.Text);
        Assert.Equal(menu.Choices.Select(c => c.Id), again.Choices.Select(c => c.Id));
        var state = await bot.StateAsync();
        Assert.Equal(SystemDialogs.Menu, state.Active!.DialogId);
        Assert.Equal(0, state.Active.Attempts);
    }

    [Fact]
    public async Task Thanks_during_the_check_up_keeps_its_answers_and_asks_the_same_question_again()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        // Past the red-flag screening checklist, which small talk never interrupts, to the area question.
        await bot.SayEachAsync("checkup");
        await bot.ClickAsync("none");

        var before = (await bot.StateAsync()).Active!;
        var values = before.Values.ToDictionary();

        var replies = await bot.SayAsync("thanks");

        var after = (await bot.StateAsync()).Active!;
        Assert.Equal(("checkup", "area"), (before.DialogId, before.StepId));
        Assert.Equal(("checkup", before.StepId), (after.DialogId, after.StepId));
        Assert.Equal(values, after.Values);
        Assert.Equal(SmallTalkLine("small_talk_thanks"), replies[0].Text);
        Assert.Single(replies, r => r.ExpectsInput);
    }

    [Fact]
    public async Task Thanks_on_a_red_flag_question_is_not_small_talk_the_question_stays_and_doubt_escalates()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.SayAsync("checkup");
        var redFlag = (await bot.StateAsync()).Active!;
        Assert.True(Catalog.GetDialog("checkup").FindStep(redFlag.StepId)!.RedFlag);

        var replies = await bot.SayAsync("thanks");

        Assert.DoesNotContain(replies, r => r.Text == SmallTalkLine("small_talk_thanks"));
        Assert.Equal(redFlag.StepId, (await bot.StateAsync()).Active!.StepId);
    }

    [Fact]
    public async Task A_long_message_that_starts_with_thanks_is_not_small_talk()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();

        await bot.SayAsync("thanks, my lower back really hurts today");

        // The complaint, said back before the check-up.
        Assert.Equal(SystemDialogs.Understood, (await bot.StateAsync()).Active?.DialogId);
    }

    [Fact]
    public async Task A_first_hello_gets_the_welcome_with_its_question_not_small_talk_instead()
    {
        using var bot = new EngineHarness(Catalog);

        var replies = await bot.SayAsync("hi");

        Assert.DoesNotContain(replies, r => r.Text == SmallTalkLine("small_talk_greeting"));
        Assert.Contains(replies, r => r.ExpectsInput);
    }

    [Theory]
    [InlineData("stretch chest", "upper_back")]
    [InlineData("stretch my pecs", "upper_back")]
    [InlineData("stretch thighs", "calf_leg")]
    [InlineData("stretch my hamstrings", "calf_leg")]
    [InlineData("stretch quads", "calf_leg")]
    [InlineData("stretch glutes", "lower_back")]
    [InlineData("stretch traps", "neck")]
    [InlineData("stretch thumb", "arm_hand")]
    [InlineData("stretch my forarms", "arm_hand")]
    [InlineData("stretch the middle of my back", "upper_back")]
    [InlineData("hip flexor stretch", "hip")]
    [InlineData("stretch kneecap", "knee")]
    public async Task Stretch_with_any_body_area_or_muscle_word_shows_an_exercise_for_that_area(string text, string area)
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();

        var replies = await bot.SayAsync(text);

        var state = await bot.StateAsync();
        Assert.Null(state.Active);
        var shown = Catalog.Exercises.Find(state.LastExerciseId!);
        Assert.NotNull(shown);
        Assert.Contains(area, shown.Areas);
        Assert.Single(replies);
    }

    [Fact]
    public async Task Stretch_chest_at_the_menu_shows_an_upper_back_exercise()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.SayAsync("menu");

        await bot.SayAsync("stretch chest");

        var state = await bot.StateAsync();
        Assert.Null(state.Active);
        Assert.Contains("upper_back", Catalog.Exercises.Find(state.LastExerciseId!)!.Areas);
    }

    [Theory]
    [InlineData("my lower back hurts", "lower_back")]
    [InlineData("pain in the middle of my back", "upper_back")]
    [InlineData("sore between the shoulder blades", "upper_back")]
    [InlineData("my thighs ache", "calf_leg")]
    [InlineData("no knee pain but my shoulder aches", "shoulder")]
    public void The_layer_reads_the_body_area_most_specific_first_and_not_a_denied_one(string text, string area) =>
        Assert.Equal(area, Catalog.Understanding.Understand(text).BodyAreas[0]);
}
