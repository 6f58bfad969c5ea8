using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Tests.Conversations;

namespace BalanceBot.Core.Tests.Checkup;

/// <summary>
/// A simulated employee for the check-up: opens with a first-person message, then answers each question from the
/// case's facts (by step id). An answer written "#choice_id" is a button press; anything else is typed, as people
/// do. Where the case says nothing: "None of these" on checklists, "no" on yes/no red flags, and an everyday default
/// elsewhere. Counts the user's messages (presses included) from the complaint to the first guidance.
/// </summary>
internal sealed class ScriptedPatient(EngineHarness bot, IReadOnlyDictionary<string, string> answers)
{
    /// <summary>Answers by step id; "a|b" gives a first and then a second answer when the step is asked again.</summary>
    private readonly Dictionary<string, Queue<string>> _answers = answers.ToDictionary(a => a.Key, a => new Queue<string>(a.Value.Split('|')), StringComparer.Ordinal);

    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        [SystemDialogs.Understood] = "#yes",
        ["common_onset"] = "#by_itself",
        ["common_duration"] = "#under_1_week",
        ["common_course"] = "#same",
        ["common_pain"] = "3",
        ["common_mood"] = "#little",
        ["back_leg"] = "#no",
        ["offer_stretch"] = "no",
        ["keep_in_history"] = "no",
    };

    private int _messages;
    private int? _messagesToGuidance;

    public List<string> Transcript { get; } = [];

    public async Task<CheckupResult> RunAsync(string opening)
    {
        await SayAsync(opening);
        if ((await bot.StateAsync()).Active is null && !Transcript.Any(IsSafetyResponse))
        {
            await SayAsync("checkup");
        }

        for (var turn = 0; turn < 80; turn++)
        {
            var frame = (await bot.StateAsync()).Active;
            if (frame?.DialogId == SystemDialogs.Understood)
            {
                await AnswerAsync(Next(SystemDialogs.Understood) ?? Defaults[SystemDialogs.Understood]);
                continue;
            }

            if (frame is null || frame.DialogId != "checkup")
            {
                break;
            }

            await AnswerAsync(Next(frame.StepId) ?? Default(frame.StepId));
        }

        return Classify();
    }

    private string? Next(string stepId) => _answers.TryGetValue(stepId, out var queue) && queue.TryDequeue(out var answer) ? answer : null;

    private static string Default(string stepId)
    {
        if (Defaults.TryGetValue(stepId, out var known))
        {
            return known;
        }

        var step = CheckupCatalog.Checkup.FindStep(stepId)!;
        return step switch
        {
            { Save: "area" } => throw new InvalidOperationException("the case must name its area"),
            { RedFlag: true } when step.Choices.Any(c => c.Id == "none") => "#none",
            _ => "no",
        };
    }

    private Task AnswerAsync(string answer) => answer.StartsWith('#') ? ClickAsync(answer[1..]) : SayAsync(answer);

    private async Task SayAsync(string text) => Record(await bot.SayAsync(text));

    private async Task ClickAsync(string choiceId) => Record(await bot.ClickAsync(choiceId));

    private void Record(IReadOnlyList<Reply> replies)
    {
        _messages++;
        Transcript.AddRange(replies.Select(r => r.Text));
        if (_messagesToGuidance is null && replies.Any(r => OutcomeLevel(r.Text) is not null || r.Text.Contains(CrisisWords, StringComparison.Ordinal)))
        {
            _messagesToGuidance = _messages;
        }
    }

    /// <summary>Words of the crisis answers (crisis.yaml and the check-up's own), read from the dialogs' wording.</summary>
    private const string CrisisWords = "You can talk to someone right now";

    private static bool IsSafetyResponse(string text) =>
        text.Contains("If this is happening now, call", StringComparison.Ordinal) || text.Contains(CrisisWords, StringComparison.Ordinal);

    // Outcomes at urgent and emergency level are safety text: read past the warning sign that marks them.
    private static TriageLevel? OutcomeLevel(string marked)
    {
        var text = SafetyText.Unmarked(marked);
        return text.StartsWith("**Call ", StringComparison.Ordinal) || text.Contains("If this is happening now, call", StringComparison.Ordinal) ? TriageLevel.Emergency
            : text.StartsWith("**Speak to a doctor today.**", StringComparison.Ordinal) ? TriageLevel.UrgentSameDay
            : text.StartsWith("**Book a GP appointment", StringComparison.Ordinal) ? TriageLevel.GpSoon
            : text.StartsWith("**Book a physiotherapist", StringComparison.Ordinal) ? TriageLevel.PhysioOrGpRoutine
            : text.StartsWith("**This sounds like a common pattern", StringComparison.Ordinal) ? TriageLevel.SelfCare
            : null;
    }

    private CheckupResult Classify()
    {
        var crisis = Transcript.Any(t => t.Contains(CrisisWords, StringComparison.Ordinal));
        TriageLevel? level = null;
        foreach (var found in Transcript.Select(OutcomeLevel).Where(l => l is not null))
        {
            if (level is null || found > level)
            {
                level = found;
            }
        }

        return new CheckupResult(level, crisis, Transcript) { MessagesToGuidance = _messagesToGuidance };
    }
}

/// <summary>The real dialogs, loaded once for the check-up tests.</summary>
internal static class CheckupCatalog
{
    public static DialogCatalog Catalog { get; } = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create());

    public static DialogDefinition Checkup => Catalog.GetDialog("checkup");
}
