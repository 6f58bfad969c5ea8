using BalanceBot.Core.Conversations;
using BalanceBot.Core.Tests.Conversations;

namespace BalanceBot.Core.Tests.Checkup;

/// <summary>
/// Issue 17 §1: every way out of a check-up says something, and a level once raised is always given. Engine tests on
/// the real dialogs, and mutations of the real checkup.yaml that the validator must reject.
/// </summary>
public sealed class CheckupEndingTests
{
    private static readonly DialogCatalog Catalog = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create());
    private static readonly DialogDefinition Checkup = Catalog.GetDialog("checkup");

    [Fact]
    public async Task Answering_keep_a_note_is_acknowledged_and_kept()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await AnswerUntilAsync(bot, "keep_in_history", new() { ["area"] = "neck" });

        var replies = await bot.SayAsync("yes");

        Assert.Contains(replies, r => r.Text == Checkup.FindStep("kept")!.Text);
        Assert.Single((await bot.Users.FindAsync(bot.UserKey, CancellationToken.None))!.CheckupHistory);
    }

    [Fact]
    public async Task Saying_no_to_keeping_a_note_is_acknowledged_too()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await AnswerUntilAsync(bot, "keep_in_history", new() { ["area"] = "neck" });

        var replies = await bot.SayAsync("no");

        Assert.Contains(replies, r => r.Text == Checkup.FindStep("not_kept")!.Text);
        Assert.Empty((await bot.Users.FindAsync(bot.UserKey, CancellationToken.None))!.CheckupHistory);
    }

    [Fact]
    public async Task Declining_the_exercise_closes_kindly()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await AnswerUntilAsync(bot, "offer_stretch", new() { ["area"] = "neck", ["move_without_injury"] = "normally", ["common_duration"] = "a few days", ["common_mood"] = "not much" });

        var replies = await bot.SayAsync("no");

        Assert.Equal(Checkup.FindStep("stretch_declined")!.Text, Assert.Single(replies).Text);
        Assert.Empty((await bot.StateAsync()).Stack);
    }

    [Fact]
    public async Task Three_unclear_answers_after_an_urgent_flag_still_give_the_urgent_advice()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await AnswerUntilAsync(bot, "common_mood", new() { ["area"] = "lower back", ["back_health"] = "#fever" });

        await bot.SayEachAsync("purple", "banana");
        var replies = await bot.SayAsync("qwerty");

        Assert.Contains(replies, r => r.Text.StartsWith(OpeningWords("out_urgent"), StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => r.Text == Catalog.GetDialog(SystemDialogs.NotUnderstood).Steps[0].Text);
        Assert.Equal("keep_in_history", (await bot.StateAsync()).Active?.StepId);
    }

    [Fact]
    public async Task An_area_that_cannot_be_read_falls_back_to_speaking_to_a_doctor_today()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await AnswerUntilAsync(bot, "area", []);

        await bot.SayEachAsync("purple", "banana");
        var replies = await bot.SayAsync("qwerty");

        Assert.Contains(replies, r => r.Text.StartsWith(OpeningWords("out_urgent"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Clear_answers_never_hear_what_is_said_after_unclear_ones()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        // The lines said only after unclear answers (not also after a clear "no", like "nothing is kept").
        var answerTargets = Checkup.Steps.SelectMany(s => s.Choices.Select(c => c.Next).Append(s.YesNext).Append(s.NoNext)).ToHashSet();
        var unclearLines = Checkup.Steps.Where(s => s.OnUnclear is not null && !answerTargets.Contains(s.OnUnclear)).Select(s => Checkup.FindStep(s.OnUnclear!)!)
            .Where(s => s.Kind == StepKind.Say).Select(s => s.Text).ToHashSet();
        Assert.NotEmpty(unclearLines);

        var result = await new ScriptedPatient(bot, new Dictionary<string, string> { ["area"] = "lower back", ["back_leg"] = "#one_leg", ["common_onset"] = "#strain" }).RunAsync("checkup");

        Assert.NotNull(result.Level);
        Assert.DoesNotContain(result.Transcript, unclearLines.Contains);
    }

    [Fact]
    public void Mutation_dropping_the_escalation_after_unclear_answers_is_rejected_at_its_line()
    {
        var problems = ValidateMutated(yaml => RemoveLine(yaml, "on_unclear: skip_mood", out _));

        var line = LineOf("id: common_mood");
        Assert.Contains(problems, p => p.Location.File.EndsWith("checkup.yaml", StringComparison.Ordinal) && p.Location.Line == line
            && p.Message.Contains("three unclear answers to 'common_mood'", StringComparison.Ordinal));
    }

    [Fact]
    public void Mutation_sending_unclear_answers_past_the_outcome_is_rejected()
    {
        var problems = ValidateMutated(yaml => yaml.Replace("on_unclear: skip_mood", "on_unclear: done", StringComparison.Ordinal));

        Assert.Contains(problems, p => p.Message.Contains("reaches 'done' without an outcome", StringComparison.Ordinal));
    }

    [Fact]
    public void The_real_check_up_passes_the_escalation_rule() =>
        Assert.Empty(ValidateMutated(yaml => yaml));

    /// <summary>Answers with the case's values by step id, else "no", until the check-up asks <paramref name="stepId"/>.</summary>
    internal static async Task AnswerUntilAsync(EngineHarness bot, string stepId, Dictionary<string, string> answers)
    {
        await bot.SayAsync("checkup");
        for (var turn = 0; turn < 60; turn++)
        {
            var frame = (await bot.StateAsync()).Active ?? throw new InvalidOperationException($"the check-up ended before '{stepId}'");
            if (frame.StepId == stepId)
            {
                return;
            }

            var step = Catalog.GetDialog(frame.DialogId).FindStep(frame.StepId)!;
            var answer = answers.GetValueOrDefault(frame.StepId) ?? (step.Ask == AskKind.Number ? "2" : step.Save == "area" ? "neck" : "no");
            await (answer.StartsWith('#') ? bot.ClickAsync(answer[1..]) : bot.SayAsync(answer));
        }

        throw new InvalidOperationException($"'{stepId}' was never asked");
    }

    private static string OpeningWords(string stepId) => Checkup.FindStep(stepId)!.Text![..20];

    private static int LineOf(string text)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Dialogs, "checkup.yaml"));
        return Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;
    }

    private static string RemoveLine(string yaml, string text, out int line)
    {
        var lines = yaml.Split('\n').ToList();
        line = lines.FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;
        Assert.True(line > 0, $"'{text}' is not in checkup.yaml any more: update the mutation");
        lines.RemoveAt(line - 1);
        return string.Join('\n', lines);
    }

    /// <summary>A copy of the dialogs folder with checkup.yaml changed, checked like start-up does.</summary>
    private static IReadOnlyList<DialogProblem> ValidateMutated(Func<string, string> mutate)
    {
        var folder = Path.Combine(Path.GetTempPath(), "balancebot-mutation-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyFolder(RepositoryPaths.Dialogs, folder);
            var file = Path.Combine(folder, "checkup.yaml");
            File.WriteAllText(file, mutate(File.ReadAllText(file)));
            return DialogFolder.Check(folder, BuiltInActions.Create()).Problems;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var sub in Directory.EnumerateDirectories(from))
        {
            CopyFolder(sub, Path.Combine(to, Path.GetFileName(sub)));
        }
    }
}
