using BalanceBot.Core.Conversations;
using BalanceBot.Core.Exercises;
using BalanceBot.Core.Tests.Conversations;

namespace BalanceBot.Core.Tests.Exercises;

public sealed class ExerciseLibraryTests
{
    private static readonly ExerciseLibrary Library = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create()).Exercises;

    private const string Valid = """
          - id: chest_stretch
            name: Chest stretch
            areas: [upper_back]
            targets: the chest
            kind: stretch
            steps: [Stand in a doorway., Lean forward.]
            dose: 20 seconds
            feel: a stretch
            stop_if: it hurts.
            avoid_if: a recent shoulder injury.
            balances: back_squeeze
            picture: { alt: Arms open., view: side, posture: standing, start: {}, end: { shoulder: -30 } }
          - id: back_squeeze
            name: Back squeeze
            areas: [upper_back]
            targets: the upper back
            kind: strengthen
            steps: [Squeeze your shoulder blades.]
            dose: 10 times
            feel: work
            stop_if: it hurts.
            avoid_if: unexplained back pain.
            balances: chest_stretch
            picture: { alt: Elbows back., view: side, posture: seated, start: { elbow: 90 }, end: { elbow: 90, shoulder: -30 } }
        """;

    /// <summary>Every wording key, so that the tests below see only the problems they cause.</summary>
    private static readonly string Wording = "\nwording:\n" + string.Concat(ExerciseWording.Keys.Select(k => $"  {k}: text of {k}\n"));

    private static List<string> Problems(string exercises)
    {
        var problems = new List<DialogProblem>();
        ExerciseFileParser.Parse("exercises.yaml", "exercises:\n" + exercises + Wording, problems);
        return problems.Select(p => p.ToString()).Where(p => !p.Contains("no exercise covers", StringComparison.Ordinal) && !p.Contains("it needs at least", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public void The_real_library_has_at_least_40_exercises_covering_every_area_each_with_a_partner_that_points_back()
    {
        Assert.True(Library.All.Count >= 40, $"{Library.All.Count} exercises");
        Assert.All(ExerciseLibrary.Areas, area => Assert.NotEmpty(Library.ForArea(area)));
        Assert.All(Library.All, e =>
        {
            var partner = Library.Find(e.Balances ?? "");
            Assert.NotNull(partner);
            Assert.Equal(e.Id, partner.Balances);
            Assert.NotEqual(e.Kind, partner.Kind);
        });
        Assert.All(Library.All.Where(e => e.SeatedVariant is not null), e => Assert.Contains(Library.Find(e.SeatedVariant!)!.Picture.Start.Posture, new[] { Posture.Seated, Posture.Wheelchair }));
        Assert.Contains(Library.All, e => e.Id == "doorway_chest_stretch" && e.Balances == "shoulder_blade_squeeze");
    }

    [Fact]
    public void A_well_formed_pair_is_valid() => Assert.Empty(Problems(Valid));

    [Fact]
    public void A_missing_field_is_reported_at_the_exercise() =>
        Assert.Contains("exercises.yaml:2: exercise is missing 'avoid_if'", Problems(Valid.Replace("    avoid_if: a recent shoulder injury.\n", string.Empty, StringComparison.Ordinal)));

    [Fact]
    public void An_unknown_area_is_reported() =>
        Assert.Contains(Problems(Valid.Replace("areas: [upper_back]\n    targets: the chest", "areas: [elbowz]\n    targets: the chest", StringComparison.Ordinal)),
            p => p.StartsWith("exercises.yaml:2: unknown area 'elbowz'", StringComparison.Ordinal));

    [Fact]
    public void A_link_that_is_not_returned_is_reported() =>
        Assert.Contains("exercises.yaml:2: 'chest_stretch' balances 'back_squeeze', but 'back_squeeze' does not balance it back",
            Problems(Valid.Replace("\n    balances: chest_stretch", string.Empty, StringComparison.Ordinal)));

    [Fact]
    public void A_link_to_nothing_is_reported() =>
        Assert.Contains("exercises.yaml:2: balances 'back_squeze' is not an exercise",
            Problems(Valid.Replace("balances: back_squeeze", "balances: back_squeze", StringComparison.Ordinal)));

    [Fact]
    public void Two_stretches_cannot_balance_each_other() =>
        Assert.Contains(Problems(Valid.Replace("kind: strengthen", "kind: stretch", StringComparison.Ordinal)),
            p => p.Contains("are both stretch exercises", StringComparison.Ordinal));

    [Fact]
    public void A_small_library_is_reported()
    {
        var problems = new List<DialogProblem>();
        ExerciseFileParser.Parse("exercises.yaml", "exercises:\n" + Valid + Wording, problems);

        Assert.Contains(problems, p => p.Message == $"the library has 2 exercises; it needs at least {ExerciseFileParser.MinimumExercises}");
        Assert.Contains(problems, p => p.Message == "no exercise covers the area 'knee'");
    }

    [Theory]
    [InlineData("stretch", true, null)]
    [InlineData("/stretch", true, null)]
    [InlineData("stretch neck", true, "neck")]
    [InlineData("stretch my lower back", true, "lower_back")]
    [InlineData("stretch for my wrists please", true, "arm_hand")]
    [InlineData("neck stretch", true, "neck")]
    [InlineData("stretch upper back", true, "upper_back")]
    [InlineData("stretch break", false, null)]
    [InlineData("the chest stretch was great thanks", false, null)]
    [InlineData("my neck hurts", false, null)]
    public void Stretch_commands_name_an_area_or_none(string text, bool isCommand, string? area)
    {
        Assert.Equal(isCommand, StretchCommand.TryParse(InputText.Normalize(text), out var parsed));
        Assert.Equal(area, parsed);
    }

    [Fact]
    public async Task Stretch_shows_an_exercise_at_once_and_never_the_same_one_twice_in_a_row()
    {
        using var bot = await new EngineHarness(DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create())).WelcomedAsync();
        await bot.SayAsync("no");

        var first = (await bot.SayAsync("stretch neck")).Single().Text;
        var second = (await bot.SayAsync("stretch neck")).Single().Text;

        Assert.Empty((await bot.StateAsync()).Stack);
        Assert.NotEqual(first, second);
        var neckStretches = Library.ForArea("neck").Where(e => e.Kind == ExerciseKind.Stretch).Select(e => $"**{e.Name}**").ToList();
        Assert.Contains(neckStretches, n => first.Contains(n, StringComparison.Ordinal));
        Assert.Contains(neckStretches, n => second.StartsWith(n, StringComparison.Ordinal));
        Assert.Contains(Library.Wording["short_stop_rule"].Replace("{emergency_number}", "999 (or 112)", StringComparison.Ordinal), second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uncomfortable_exercise_gets_a_different_one_or_the_check_up_not_praise()
    {
        using var bot = await new EngineHarness(DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create())).WelcomedAsync();
        await bot.SayEachAsync("no", "quick stretch", "neck");

        var uncomfortable = await bot.SayAsync("no");
        var different = await bot.ClickAsync("different");
        var askedAgain = (await bot.StateAsync()).Stack[^1].StepId;
        await bot.SayAsync("no");
        await bot.ClickAsync("checkup");

        // No "well done" step runs: the last reply is the question of what to do instead.
        Assert.Equal(["different", "checkup", "stop"], uncomfortable[^1].Choices.Select(c => c.Id));
        Assert.Contains(different, r => Library.ForArea("neck").Any(e => r.Text.Contains($"**{e.Name}**", StringComparison.Ordinal)));
        Assert.Equal("how_was_it", askedAgain);
        Assert.Equal("checkup", (await bot.StateAsync()).Stack[^1].DialogId);
    }

    [Fact]
    public async Task Stopping_after_an_uncomfortable_exercise_ends_without_praise()
    {
        using var bot = await new EngineHarness(DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create())).WelcomedAsync();
        await bot.SayEachAsync("no", "quick stretch", "neck", "no");

        var stopped = await bot.ClickAsync("stop");

        var catalog = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create());
        var finish = catalog.GetDialog("stretch").Steps.Single(s => s.Id == "finish");
        Assert.DoesNotContain(stopped, r => r.Text == finish.Text);
        Assert.Empty((await bot.StateAsync()).Stack);
    }

    [Fact]
    public async Task Stretch_typed_in_the_middle_of_a_dialog_switches_to_the_exercise()
    {
        using var bot = await new EngineHarness(DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create())).WelcomedAsync();
        await bot.SayEachAsync("no", "settings", "Robin");

        // Asked for a country, which "stretch wrists" is not.
        var reply = (await bot.SayAsync("stretch wrists")).Single().Text;

        Assert.Contains(Library.ForArea("arm_hand"), e => reply.Contains($"**{e.Name}**", StringComparison.Ordinal));
        Assert.Empty((await bot.StateAsync()).Stack);
    }

    [Fact]
    public async Task A_self_care_check_up_offers_an_exercise_for_its_area()
    {
        using var bot = await new EngineHarness(DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create())).WelcomedAsync();
        var patient = new Checkup.ScriptedPatient(bot, new Dictionary<string, string> { ["area"] = "knee", ["offer_stretch"] = "yes" });

        var result = await patient.RunAsync("my knee hurts");

        Assert.Equal(BalanceBot.Core.Checkup.TriageLevel.SelfCare, result.Level);
        Assert.Contains(Library.ForArea("knee"), e => result.Transcript[^1].Contains($"**{e.Name}**", StringComparison.Ordinal));
    }
}
