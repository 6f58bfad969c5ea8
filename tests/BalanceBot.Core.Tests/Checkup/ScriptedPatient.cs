using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Tests.Conversations;

namespace BalanceBot.Core.Tests.Checkup;

/// <summary>
/// A simulated employee for the check-up: opens with a first-person message, then answers each question from the
/// case's facts (by step id), with a plain "no" or an everyday default where the case says nothing.
/// </summary>
internal sealed class ScriptedPatient(EngineHarness bot, IReadOnlyDictionary<string, string> answers)
{
    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        ["common_onset"] = "no",
        ["move_after_injury"] = "2",
        ["move_without_injury"] = "2",
        ["common_duration"] = "less than a week",
        ["common_pain"] = "3",
        ["common_mood"] = "not much",
        ["upper_back_floor"] = "no",
        ["offer_stretch"] = "no",
        ["keep_in_history"] = "no",
    };

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
            if (frame?.DialogId == BalanceBot.Core.Conversations.SystemDialogs.Understood)
            {
                // What the opening said back: "change", so that every answer is the case's own (the confirmed path
                // has its own tests in OpeningComplaintTurnTests).
                await SayAsync("change");
                continue;
            }

            if (frame is null || frame.DialogId != "checkup")
            {
                break;
            }

            var answer = answers.GetValueOrDefault(frame.StepId)
                ?? Defaults.GetValueOrDefault(frame.StepId)
                ?? (frame.StepId == "area" ? throw new InvalidOperationException("the case must name its area") : "no");
            await SayAsync(answer);
        }

        return Classify();
    }

    private async Task SayAsync(string text) => Transcript.AddRange((await bot.SayAsync(text)).Select(r => r.Text));

    private static bool IsSafetyResponse(string text) =>
        text.Contains("If this is happening now, call", StringComparison.Ordinal) || text.Contains("You can talk to someone right now", StringComparison.Ordinal);

    private CheckupResult Classify()
    {
        var crisis = Transcript.Any(t => t.Contains("You can talk to someone right now", StringComparison.Ordinal));
        TriageLevel? level = null;
        // Outcomes at urgent and emergency level are safety text: read past the warning sign that marks them.
        foreach (var text in Transcript.Select(SafetyText.Unmarked))
        {
            TriageLevel? found =
                text.StartsWith("**Call ", StringComparison.Ordinal) || text.Contains("If this is happening now, call", StringComparison.Ordinal) ? TriageLevel.Emergency
                : text.StartsWith("**Speak to a doctor today.**", StringComparison.Ordinal) ? TriageLevel.UrgentSameDay
                : text.StartsWith("**Book a GP appointment", StringComparison.Ordinal) ? TriageLevel.GpSoon
                : text.StartsWith("**Book a physiotherapist", StringComparison.Ordinal) ? TriageLevel.PhysioOrGpRoutine
                : text.StartsWith("**This sounds like a common pattern", StringComparison.Ordinal) ? TriageLevel.SelfCare
                : null;
            if (found is not null && (level is null || found > level))
            {
                level = found;
            }
        }

        return new CheckupResult(level, crisis, Transcript);
    }
}
