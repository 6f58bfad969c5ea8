using BalanceBot.Core.Conversations;
using BalanceBot.Core.Tests.Conversations;
using BalanceBot.Testing;

namespace BalanceBot.Core.Tests.Understanding;

/// <summary>
/// A complaint that starts the check-up is kept with what was understood (issue 16): said back with Yes / Change,
/// and on Yes its area and duration are not asked again, while every red-flag question still is.
/// </summary>
public sealed class OpeningComplaintTurnTests
{
    private static readonly DialogCatalog Catalog = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create());

    private static readonly DialogDefinition Checkup = Catalog.GetDialog("checkup");

    private static string? StepOf(ConversationState state) => state.Active?.StepId;

    /// <summary>"No" on a yes/no red flag, "None of these" on a grouped checklist (issue 17).</summary>
    private static string NoneOf(StepDefinition step) => step.Choices.Any(c => c.Id == "no") ? "no" : "none";

    /// <summary>Answers "no" to every red-flag question until a question that is not a red flag is on screen.</summary>
    private static async Task<List<string>> AnswerRedFlagsNoAsync(EngineHarness bot)
    {
        var asked = new List<string>();
        while ((await bot.StateAsync()).Active is { DialogId: "checkup" } frame && Checkup.FindStep(frame.StepId)!.RedFlag)
        {
            asked.Add(frame.StepId);
            await bot.ClickAsync(NoneOf(Checkup.FindStep(frame.StepId)!));
        }

        return asked;
    }

    [Fact]
    public async Task A_new_users_opening_complaint_is_said_back_and_yes_skips_area_and_duration_but_not_red_flags()
    {
        using var bot = new EngineHarness(Catalog);

        var replies = await bot.SayAsync("my lower back has been sore for 5 weeks");

        var state = await bot.StateAsync();
        Assert.Equal(SystemDialogs.Understood, state.Active?.DialogId);
        var question = Assert.Single(replies, r => r.ExpectsInput);
        Assert.Equal(["yes", "change"], question.Choices.Select(c => c.Id));
        Assert.Contains(Checkup.FindStep("area")!.Choices.Single(c => c.Id == "lower_back").Label, question.Text, StringComparison.Ordinal);
        Assert.Contains(Checkup.FindStep("common_duration")!.Choices.Single(c => c.Id == "weeks_3_to_6").Label, question.Text, StringComparison.Ordinal);

        await bot.ClickAsync("yes");
        var redFlags = new List<string>();
        var values = new Dictionary<string, string>();
        for (var turns = 0; turns < 40 && (await bot.StateAsync()).Active is { DialogId: "checkup" } frame; turns++)
        {
            var step = Checkup.FindStep(frame.StepId)!;
            Assert.NotEqual("area", step.Id);
            Assert.NotEqual("common_duration", step.Id);
            values = frame.Values;
            if (step.RedFlag)
            {
                redFlags.Add(step.Id);
                await bot.ClickAsync(NoneOf(step));
            }
            else if (step.Ask == AskKind.Choice)
            {
                await bot.ClickAsync(step.Choices[0].Id);
            }
            else
            {
                await bot.SayAsync("3");
            }
        }

        Assert.Equal("lower_back", values["area"]);
        Assert.Equal("weeks_3_to_6", values["duration"]);
        Assert.DoesNotContain(values.Keys, k => k.StartsWith("prefill.", StringComparison.Ordinal));
        // The screening checklist and both lower-back checklists were all asked.
        Assert.Equal(["screen_emergency", "back_nerves", "back_health"], redFlags);
    }

    [Fact]
    public async Task Change_asks_the_area_question_as_usual()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.ClickAsync("no");
        await bot.SayAsync("the middle of my back has ached for 10 days");

        await bot.ClickAsync("change");
        await AnswerRedFlagsNoAsync(bot);

        Assert.Equal("area", StepOf(await bot.StateAsync()));
    }

    [Fact]
    public async Task Yes_at_the_menu_goes_from_the_screening_questions_straight_to_the_areas_own_red_flags()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.SayAsync("menu");
        var said = (await bot.SayAsync("pain in the middle of my back")).Single(r => r.ExpectsInput);
        Assert.Contains(Checkup.FindStep("area")!.Choices.Single(c => c.Id == "upper_back").Label, said.Text, StringComparison.Ordinal);

        await bot.ClickAsync("yes");
        var screening = await AnswerRedFlagsNoAsync(bot);

        Assert.Contains("screen_emergency", screening);
        Assert.Contains("upper_back_flags", screening);
        var state = await bot.StateAsync();
        Assert.Equal("upper_back", state.Active!.Values["area"]);
    }

    [Fact]
    public async Task A_complaint_with_nothing_the_check_up_asks_starts_it_without_saying_anything_back()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.ClickAsync("no");

        await bot.SayAsync("I think I pulled a muscle");

        Assert.Equal("checkup", (await bot.StateAsync()).Active?.DialogId);
    }

    [Fact]
    public async Task Emergency_words_typed_at_the_confirmation_still_get_the_emergency_reply()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.ClickAsync("no");
        await bot.SayAsync("my lower back hurts");
        Assert.Equal(SystemDialogs.Understood, (await bot.StateAsync()).Active?.DialogId);

        await bot.SayAsync("both my legs have gone numb");

        Assert.NotEqual(SystemDialogs.Understood, (await bot.StateAsync()).Active?.DialogId);
        Assert.NotEqual("checkup", (await bot.StateAsync()).Active?.DialogId);
    }
}
