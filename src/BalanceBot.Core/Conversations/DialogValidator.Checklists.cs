using BalanceBot.Core.Checkup;

namespace BalanceBot.Core.Conversations;

public static partial class DialogValidator
{
    private sealed partial class DialogChecker
    {
        /// <summary>
        /// A grouped red-flag question (issue 17): every flag has its floor level, "none" raises nothing, "not sure"
        /// raises at least as far as the highest flag (doubt escalates), a list of mixed levels has a follow_up for the
        /// flags above a lower pick, and every label fits a Discord button.
        /// </summary>
        private void CheckChecklist(StepDefinition step)
        {
            var flags = RedFlagChecklist.Flags(step).ToList();
            var none = step.Choices[^2];
            var notSure = step.Choices[^1];
            foreach (var flag in flags.Where(f => f.Level is null))
            {
                problems.Add(new(flag.Location, $"flag '{flag.Id}' of red-flag checklist '{step.Id}' needs a level (its floor)"));
            }

            foreach (var flag in flags.Where(f => f.Next is not null && f.Level != TriageLevel.Emergency))
            {
                problems.Add(new(flag.Location, $"flag '{flag.Id}' of checklist '{step.Id}' may not have its own next: only an emergency flag leaves the list early"));
            }

            foreach (var choice in step.Choices.Where(c => c.Label.Length > RedFlagChecklist.MaxLabelLength))
            {
                problems.Add(new(choice.Location, $"label of '{choice.Id}' has {choice.Label.Length} characters; a checklist choice must fit a Discord button ({RedFlagChecklist.MaxLabelLength})"));
            }

            if (flags.Count > RedFlagChecklist.MaxFlags)
            {
                Problem(step, $"checklist '{step.Id}' has {flags.Count} flags; at most {RedFlagChecklist.MaxFlags} fit one Discord select menu with none and not sure");
            }

            if (none.Level is not null)
            {
                problems.Add(new(none.Location, $"none on checklist '{step.Id}' must not raise the level"));
            }

            var highest = flags.Max(f => f.Level);
            if (highest is not null && (notSure.Level is null || notSure.Level < highest))
            {
                problems.Add(new(notSure.Location, $"not_sure on checklist '{step.Id}' must raise at least as far as its highest flag ({TriageLevels.Name(highest.Value)}): doubt escalates"));
            }

            if (highest == TriageLevel.Emergency && (notSure.Next is null || dialog.FindStep(notSure.Next) is not { Kind: StepKind.Action, ActionName: RouteByLevelAction.ActionName }))
            {
                problems.Add(new(notSure.Location, $"not_sure on checklist '{step.Id}' raises to emergency, so it must go straight to a {RouteByLevelAction.ActionName} step"));
            }

            if (flags.Select(f => f.Level).Distinct().Count() > 1 && step.FollowUp is null)
            {
                Problem(step, $"checklist '{step.Id}' mixes levels, so it needs a follow_up: asked for the higher flags after a lower one is picked");
            }

            if (step.Retry is null)
            {
                Problem(step, $"red flag '{step.Id}' needs a retry: the question again in simpler words, with examples");
            }
        }
    }
}
