using BalanceBot.Core.Conversations;
using BalanceBot.Core.Tests.Conversations;
using BalanceBot.Core.Understanding;

namespace BalanceBot.Core.Tests.Understanding;

/// <summary>
/// Pre-filled answers are declared in the dialog (issue 16): <c>understands: area | duration | onset | severity</c>
/// picks the choice the layer's entity names; an unknown kind or one on a red flag is a validation error at its line.
/// </summary>
public sealed class UnderstoodAnswersTests
{
    private static readonly DialogCatalog Catalog = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create());

    private static List<string> Problems(string yaml)
    {
        var (dialogs, problems) = TestDialogs.Parse(TestDialogs.SystemDialogsYaml + "\n---\n" + yaml);
        if (problems.Count == 0)
        {
            problems.AddRange(DialogValidator.Validate(dialogs, BuiltInActions.Create()));
        }

        return problems.Select(p => p.ToString()).ToList();
    }

    private static string Step(string attributes) => $$"""
        id: extra
        steps:
          - id: where
            ask: choice
            text: Where?
            save: where
        {{attributes}}
            choices:
              - { id: yes, label: "Yes" }
              - { id: no, label: "No" }
              - { id: not_sure, label: "Not sure" }
          - id: done
            end: true
        """;

    [Fact]
    public void An_unknown_entity_kind_is_an_error_at_its_step()
    {
        var problems = Problems(Step("    understands: mood"));
        Assert.Contains(problems, p => p.StartsWith("d9.yaml:3: step 'where': understands 'mood' is not an entity", StringComparison.Ordinal));
    }

    [Fact]
    public void A_red_flag_question_can_never_be_filled_in()
    {
        var problems = Problems(Step("    understands: onset\n    red_flag: true"));
        Assert.Contains(problems, p => p.StartsWith("d9.yaml:3: step 'where': understands 'onset' on a red-flag question", StringComparison.Ordinal));
    }

    [Fact]
    public void A_known_kind_on_a_choice_question_is_valid() =>
        Assert.DoesNotContain(Problems(Step("    understands: onset")), p => p.Contains("understands", StringComparison.Ordinal));

    [Fact]
    public void The_check_up_declares_area_onset_duration_and_severity_and_no_red_flag_does()
    {
        var checkup = Catalog.GetDialog("checkup");
        Assert.Equal(
            ["area", "duration", "onset", "severity"],
            checkup.Steps.Where(s => s.Understands is not null).Select(s => s.Understands!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Catalog.Dialogs.SelectMany(d => d.Steps), s => s.RedFlag && s.Understands is not null);
    }

    [Theory]
    [InlineData("I fell over on the ice 3 weeks ago and my right knee is still sore", "onset", "minor_injury")]
    [InlineData("my neck has gradually got stiffer over the last 4 weeks", "onset", "by_itself")]
    [InlineData("lower back ache, about 7/10, for 10 days", "pain", "7")]
    [InlineData("lower back ache, about 7/10, for 10 days", "duration", "weeks_1_to_2")]
    [InlineData("the top of my back is tight", "area", "upper_back")]
    public void The_check_up_is_answered_by_what_the_message_says(string text, string save, string expected)
    {
        var answers = UnderstoodAnswers.Read(Catalog.GetDialog("checkup"), TestDialogs.RealUnderstanding.Value.Understand(text), TestDialogs.RealUnderstanding.Value);
        Assert.Equal(expected, Assert.Single(answers, a => a.Save == save).Value);
    }

    [Theory]
    [InlineData("my back suddenly went after a fall")]
    [InlineData("my back hurts, not after a fall")]
    public void A_mixed_or_denied_onset_is_asked_not_guessed(string text)
    {
        var answers = UnderstoodAnswers.Read(Catalog.GetDialog("checkup"), TestDialogs.RealUnderstanding.Value.Understand(text), TestDialogs.RealUnderstanding.Value);
        Assert.DoesNotContain(answers, a => a.Save == "onset");
    }

    [Fact]
    public async Task Yes_fills_in_the_onset_and_the_score_and_still_asks_every_red_flag()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.ClickAsync("no");
        await bot.SayAsync("I slipped and hurt my right knee 3 weeks ago, it's about 5/10");
        Assert.Equal(SystemDialogs.Understood, (await bot.StateAsync()).Active?.DialogId);

        await bot.ClickAsync("yes");
        var checkup = Catalog.GetDialog("checkup");
        var asked = new List<string>();
        var values = new Dictionary<string, string>();
        for (var turns = 0; turns < 40 && (await bot.StateAsync()).Active is { DialogId: "checkup" } frame; turns++)
        {
            var step = checkup.FindStep(frame.StepId)!;
            asked.Add(step.Id);
            values = new Dictionary<string, string>(frame.Values);
            if (step.Ask == AskKind.Choice)
            {
                await bot.ClickAsync(!step.RedFlag ? step.Choices[0].Id : RedFlagChecklist.IsChecklist(step) ? RedFlagChecklist.NoneChoiceId : "no");
            }
            else
            {
                await bot.SayAsync("3");
            }
        }

        Assert.DoesNotContain("common_onset", asked);
        Assert.DoesNotContain("common_pain", asked);
        Assert.DoesNotContain("area", asked);
        Assert.Equal("minor_injury", values["onset"]);
        Assert.Equal("5", values["pain"]);
        Assert.Contains("screen_emergency", asked);
        Assert.Contains(asked, id => checkup.FindStep(id)!.RedFlag && id.StartsWith("knee", StringComparison.Ordinal));
    }
}
