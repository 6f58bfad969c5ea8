using BalanceBot.Core.Checkup;

namespace BalanceBot.Core.Conversations;

/// <summary>
/// A grouped red-flag question (issue 17): "Do any of these apply?" with one choice per flag, then <c>none</c> and
/// <c>not_sure</c>, as NHS 111 online asks. One pick works in every channel (Teams buttons, a Discord select menu, a
/// typed answer). Picking a flag raises the level exactly as a yes does; when the list also holds flags of a higher
/// level, the question is asked once more with only those (its <c>follow_up</c> text), so a lower flag picked first
/// can never hide a higher one. "Yes" typed without saying which counts as not sure, the highest of the list.
/// </summary>
internal static class RedFlagChecklist
{
    public const string NoneChoiceId = "none";

    /// <summary>Frame value holding "step_id:level" while a checklist is re-asked for the flags above that level.</summary>
    public const string AboveValue = "checklist.above";

    /// <summary>Most flags one list may hold: with none and not sure, a Discord select menu's 25 options.</summary>
    public const int MaxFlags = 23;

    /// <summary>Longest label a flag may have: a Discord button label (Teams and the terminal take more).</summary>
    public const int MaxLabelLength = 80;

    public static bool IsChecklist(StepDefinition step) =>
        step.RedFlag && step.Choices.Count >= 3 && step.Choices[^2].Id == NoneChoiceId && step.Choices[^1].Id == DialogRun.NotSureChoiceId;

    public static IEnumerable<ChoiceDefinition> Flags(StepDefinition step) => step.Choices.Take(step.Choices.Count - 2);

    /// <summary>The flags still to ask about on a re-ask: those above the level the earlier pick reached.</summary>
    public static IEnumerable<ChoiceDefinition> Offered(StepDefinition step, DialogFrame frame) =>
        Above(step, frame) is { } above
            ? step.Choices.Where(c => c.Id is NoneChoiceId or DialogRun.NotSureChoiceId || c.Level > above)
            : step.Choices;

    public static TriageLevel? Above(StepDefinition step, DialogFrame frame) =>
        frame.Values.TryGetValue(AboveValue, out var value) && value.Split(':') is [var stepId, var level]
        && stepId == step.Id && TriageLevels.TryParse(level, out var parsed) ? parsed : null;

    /// <summary>
    /// After a flag was picked: true (and the re-ask is noted on the frame) when flags above the level now reached are
    /// still unasked; false when the question is done.
    /// </summary>
    public static bool NeedsFollowUp(StepDefinition step, DialogFrame frame, string pickedId)
    {
        frame.Values.Remove(AboveValue);
        if (!IsChecklist(step) || pickedId is NoneChoiceId or DialogRun.NotSureChoiceId || step.FollowUp is null)
        {
            return false;
        }

        var level = TriageLevels.Current(frame.Values);
        if (!Flags(step).Any(c => c.Level > level))
        {
            return false;
        }

        frame.Values[AboveValue] = step.Id + ":" + TriageLevels.Name(level);
        return true;
    }
}
