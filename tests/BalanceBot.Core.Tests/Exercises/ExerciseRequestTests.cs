using BalanceBot.Core.Conversations;
using BalanceBot.Core.Exercises;
using BalanceBot.Core.Tests.Conversations;

namespace BalanceBot.Core.Tests.Exercises;

/// <summary>Issue 18: a stretch is a desk stretch, strengthening when asked, partners and "More" as buttons, the principle once.</summary>
public sealed class ExerciseRequestTests
{
    private static readonly DialogCatalog Catalog = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create());
    private static ExerciseLibrary Library => Catalog.Exercises;

    private static async Task<EngineHarness> NewBotAsync()
    {
        var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.SayAsync("no");
        return bot;
    }

    private static Exercise Shown(IReadOnlyList<Reply> replies) =>
        Library.Find(Assert.Single(replies, r => r.Picture is not null).Picture!.ExerciseId)!;

    public static TheoryData<string, string?> StretchRequests => new()
    {
        { "stretch", null }, { "/stretch", null }, { "stretch please", null },
        { "stretch neck", "neck" }, { "stretch shoulders", "shoulder" }, { "stretch upper back", "upper_back" },
        { "stretch chest", "upper_back" }, { "stretch my lower back", "lower_back" }, { "stretch wrists", "arm_hand" },
        { "stretch hips", "hip" }, { "stretch knees", "knee" }, { "stretch calves", "calf_leg" }, { "stretch whole body", "general" },
        { "stretch my hamstrings", null }, { "stretch quads", null }, { "stretch glutes", null }, { "stretch traps", null },
        { "stretch pecs", null }, { "stretch forearms", "arm_hand" }, { "stretch my hip flexors", null }, { "stretch groin", null },
        { "neck stretch", "neck" }, { "stretch legs", "calf_leg" }, { "stretch my back", "lower_back" },
    };

    [Theory]
    [MemberData(nameof(StretchRequests))]
    public async Task Every_stretch_request_for_an_area_or_muscle_gets_a_stretch_with_its_picture(string text, string? area)
    {
        using var bot = await NewBotAsync();

        var exercise = Shown(await bot.SayAsync(text));

        Assert.Equal(ExerciseKind.Stretch, exercise.Kind);
        if (area is not null)
        {
            Assert.Contains(area, exercise.Areas);
        }

        Assert.Empty((await bot.StateAsync()).Stack);
    }

    [Theory]
    [InlineData("stretch my hamstrings", "hamstring")]
    [InlineData("stretch chest", "chest")]
    [InlineData("stretch calves", "calf")]
    [InlineData("stretch groin", "adductor")]
    public async Task A_named_muscle_gets_a_stretch_for_that_muscle(string text, string targetWord)
    {
        using var bot = await NewBotAsync();

        var exercise = Shown(await bot.SayAsync(text));

        Assert.Contains(targetWord, exercise.Targets + " " + exercise.Name, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Plain_stretch_gives_a_stretch_not_a_strengthening_exercise_lying_down()
    {
        using var bot = await NewBotAsync();

        for (var i = 0; i < 6; i++)
        {
            var exercise = Shown(await bot.SayAsync("stretch"));
            Assert.Equal(ExerciseKind.Stretch, exercise.Kind);
            Assert.NotEqual(Posture.Lying, exercise.Picture.Start.Posture);
        }
    }

    [Theory]
    [InlineData("strengthen my upper back", "upper_back")]
    [InlineData("strengthen neck", "neck")]
    [InlineData("strengthening for my knees", "knee")]
    public async Task Strengthening_comes_when_asked(string text, string area)
    {
        using var bot = await NewBotAsync();

        var exercise = Shown(await bot.SayAsync(text));

        Assert.Equal(ExerciseKind.Strengthen, exercise.Kind);
        Assert.Contains(area, exercise.Areas);
    }

    [Fact]
    public async Task Balance_it_with_is_a_button_that_shows_the_partner_and_typing_it_works_too()
    {
        using var bot = await NewBotAsync();
        var first = (await bot.SayAsync("stretch chest")).Single(r => r.Picture is not null);
        var exercise = Library.Find(first.Picture!.ExerciseId)!;
        var button = Assert.Single(first.Choices, c => c.Id == ExerciseText.ShowChoicePrefix + exercise.Balances);

        var clicked = Shown(await bot.ClickAsync(button.Id));
        var typedBack = Shown(await bot.SayAsync(button.Label));

        Assert.Equal(exercise.Balances, clicked.Id);
        Assert.Equal(exercise.Balances, typedBack.Id);
        Assert.Equal(ExerciseKind.Strengthen, clicked.Kind);
    }

    [Fact]
    public async Task The_short_form_has_steps_and_one_stop_line_and_More_shows_the_full_text()
    {
        using var bot = await NewBotAsync();
        await bot.SayAsync("stretch neck");
        var reply = (await bot.SayAsync("stretch neck")).Single();
        var exercise = Library.Find(reply.Picture!.ExerciseId)!;

        var more = (await bot.ClickAsync(ExerciseText.MoreChoicePrefix + exercise.Id)).Single();

        Assert.Equal(exercise.Steps.Count + 2, reply.Text.Split('\n').Length);
        Assert.DoesNotContain(Library.Wording["skip_if"], reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.Choices, c => c.Id == ExerciseText.MoreChoicePrefix + exercise.Id);
        Assert.Contains(Library.Wording["skip_if"] + " " + exercise.AvoidIf, more.Text, StringComparison.Ordinal);
        Assert.Contains("tremble", more.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(more.Choices, c => c.Id.StartsWith(ExerciseText.MoreChoicePrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_principle_comes_with_the_first_exercise_only_and_is_remembered_on_the_user()
    {
        using var bot = await NewBotAsync();
        var principle = Library.Wording["principle"];

        var first = Assert.Single(await bot.SayAsync("stretch"));
        var second = Assert.Single(await bot.SayAsync("stretch"));

        Assert.StartsWith(principle, first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(principle, second.Text, StringComparison.Ordinal);
        var user = await bot.Users.FindAsync(bot.UserKey, CancellationToken.None);
        Assert.Equal("true", user!.Preferences[ExerciseReplies.PrincipleSeen]);
    }

    [Fact]
    public void Every_exercise_has_a_picture_with_alt_text_and_two_different_frames()
    {
        Assert.All(Library.All, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Picture.Alt));
            Assert.True(e.Picture.Start.DiffersFrom(e.Picture.End, ExercisePictureParser.SmallestVisibleChange), e.Id);
        });
    }

    [Theory]
    [InlineData("", "exercise is missing 'picture'")]
    [InlineData("picture: { alt: A., view: side, posture: seated, start: {}, end: {} }", "the picture's start and end are the same")]
    [InlineData("picture: { alt: A., view: top, posture: seated, start: {}, end: { head: 20 } }", "picture view must be side or front")]
    [InlineData("picture: { alt: A., view: side, posture: seated, start: {}, end: { nose: 20 } }", "unknown joint 'nose'")]
    public void A_missing_or_still_picture_is_reported(string picture, string problem)
    {
        var yaml = "exercises:\n  - { id: a, name: A, areas: [neck], targets: t, kind: stretch, steps: [s], dose: d, feel: f, stop_if: s, avoid_if: a, balances: a }\n";
        yaml = yaml.Replace(", balances: a }", ", balances: a" + (picture.Length > 0 ? ", " + picture : "") + " }", StringComparison.Ordinal);
        var problems = new List<DialogProblem>();

        ExerciseFileParser.Parse("exercises.yaml", yaml, problems);

        Assert.Contains(problems, p => p.Message.Contains(problem, StringComparison.Ordinal));
    }
}
