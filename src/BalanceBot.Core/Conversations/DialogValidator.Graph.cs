using BalanceBot.Core.Checkup;

namespace BalanceBot.Core.Conversations;

/// <summary>The graph rules of one dialog: reachability, paths that end, loops without a question, and the check-up's safety paths.</summary>
public static partial class DialogValidator
{
    private sealed partial class DialogChecker
    {
        /// <summary>Reachability from the first step, paths that end, and loops that never wait for an answer.</summary>
        private void CheckGraph()
        {
            if (dialog.Steps.Count == 0)
            {
                return;
            }

            var edges = dialog.Steps.DistinctBy(s => s.Id).ToDictionary(s => s.Id, Successors, StringComparer.Ordinal);

            var reachable = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>([dialog.Steps[0].Id]);
            while (pending.TryPop(out var id))
            {
                if (reachable.Add(id))
                {
                    foreach (var next in edges[id])
                    {
                        pending.Push(next);
                    }
                }
            }

            foreach (var step in dialog.Steps.Where(s => !reachable.Contains(s.Id)))
            {
                Problem(step, $"step '{step.Id}' can never be reached from the start of dialog '{dialog.Id}'");
            }

            foreach (var step in dialog.Steps.Where(s => reachable.Contains(s.Id) && FallsOffTheEnd(s)))
            {
                Problem(step, $"dead end: step '{step.Id}' is the last step and does not end the dialog (add next, goto or an end step)");
            }

            // A path ends when it reaches an end step or leaves for another dialog (replace). Work backwards from those.
            var canFinish = new HashSet<string>(dialog.Steps.Where(IsExit).Select(s => s.Id), StringComparer.Ordinal);
            bool grew;
            do
            {
                grew = false;
                foreach (var (id, successors) in edges)
                {
                    if (!canFinish.Contains(id) && successors.Any(canFinish.Contains))
                    {
                        grew = canFinish.Add(id) || grew;
                    }
                }
            }
            while (grew);

            foreach (var step in dialog.Steps.Where(s => reachable.Contains(s.Id) && !canFinish.Contains(s.Id) && !FallsOffTheEnd(s)))
            {
                Problem(step, $"dead end: no path from step '{step.Id}' ever ends dialog '{dialog.Id}'");
            }

            CheckLoopsWithoutAsk(edges);
        }

        /// <summary>
        /// Check-up safety rules (issue 3): red-flag questions escalate on doubt, an emergency answer ends the
        /// questions at once, every path ends in the level's outcome, and the emergency screen comes first.
        /// </summary>
        private void CheckCheckup()
        {
            foreach (var step in dialog.Steps.Where(s => s.RedFlag))
            {
                CheckRedFlag(step);
            }

            var leveled = dialog.Steps.Where(s => s.Choices.Any(c => c.Level is not null)).ToList();
            foreach (var step in leveled)
            {
                foreach (var choice in step.Choices.Where(c => c.Level == TriageLevel.Emergency))
                {
                    var target = choice.Next ?? dialog.NextStepId(step);
                    if (target is null || dialog.FindStep(target) is not { Kind: StepKind.Action, ActionName: RouteByLevelAction.ActionName })
                    {
                        problems.Add(new(choice.Location, $"choice '{choice.Id}' raises the level to emergency, so it must go straight to a {RouteByLevelAction.ActionName} step (one emergency answer ends the questions)"));
                    }
                }
            }

            if (leveled.Count == 0)
            {
                return;
            }

            var routes = dialog.Steps.Where(s => s.ActionName == RouteByLevelAction.ActionName).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            if (ReachableAvoiding(routes).FirstOrDefault(id => dialog.FindStep(id) is { } s && IsExit(s)) is { } bypass)
            {
                Problem(dialog.FindStep(bypass)!, $"check-up dialog '{dialog.Id}' can reach step '{bypass}' without an outcome: every path must pass a {RouteByLevelAction.ActionName} step");
            }

            var screens = dialog.Steps.Where(s => s.Id.StartsWith("screen_", StringComparison.Ordinal)).ToList();
            foreach (var areaAsk in dialog.Steps.Where(s => s.Kind == StepKind.Ask && s.Save == "area"))
            {
                foreach (var screen in screens.Where(screen => ReachableAvoiding(new HashSet<string>(StringComparer.Ordinal) { screen.Id }).Contains(areaAsk.Id)))
                {
                    Problem(areaAsk, $"the area question can be reached without the emergency screen question '{screen.Id}': the screen comes first");
                }
            }
        }

        private void CheckRedFlag(StepDefinition step)
        {
            if (RedFlagChecklist.IsChecklist(step))
            {
                CheckChecklist(step);
                return;
            }

            if (step.Ask != AskKind.Choice || !step.Choices.Select(c => c.Id).SequenceEqual(["yes", "no", DialogRun.NotSureChoiceId]))
            {
                Problem(step, "a red_flag question is a choice with exactly the choices yes, no and not_sure, in that order (or a checklist: one choice per flag, then none and not_sure)");
                return;
            }

            var (yes, no, notSure) = (step.Choices[0], step.Choices[1], step.Choices[2]);
            if (yes.Level is null)
            {
                problems.Add(new(yes.Location, $"the yes answer of red flag '{step.Id}' needs a level (its floor)"));
            }
            else if (notSure.Level is null || notSure.Level < yes.Level)
            {
                problems.Add(new(notSure.Location, $"not_sure on red flag '{step.Id}' must raise at least as far as yes ({TriageLevels.Name(yes.Level.Value)}): doubt escalates"));
            }

            if (no.Level is not null)
            {
                problems.Add(new(no.Location, $"no on red flag '{step.Id}' must not raise the level"));
            }

            if (step.Retry is null)
            {
                Problem(step, $"red flag '{step.Id}' needs a retry: the question again in simpler words, with examples");
            }
        }

        /// <summary>Steps reachable from the first step when the given steps are taken out of the graph.</summary>
        private HashSet<string> ReachableAvoiding(HashSet<string> avoided)
        {
            var reachable = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>();
            if (!avoided.Contains(dialog.Steps[0].Id))
            {
                pending.Push(dialog.Steps[0].Id);
            }

            while (pending.TryPop(out var id))
            {
                if (reachable.Add(id))
                {
                    foreach (var next in Successors(dialog.FindStep(id)!).Where(n => !avoided.Contains(n)))
                    {
                        pending.Push(next);
                    }
                }
            }

            return reachable;
        }

        private void CheckLoopsWithoutAsk(Dictionary<string, List<string>> edges)
        {
            // Steps that run without waiting (say, action, goto) must not form a cycle, or a turn would never finish.
            var flowing = dialog.Steps.Where(s => s.Kind is not (StepKind.Ask or StepKind.End)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var state = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var start in flowing)
            {
                if (Visit(start))
                {
                    Problem(dialog.FindStep(start)!, $"steps from '{start}' loop back without asking anything, so the dialog would never wait for the user");
                    return;
                }
            }

            bool Visit(string id)
            {
                switch (state.GetValueOrDefault(id))
                {
                    case 1:
                        return true;
                    case 2:
                        return false;
                }

                state[id] = 1;
                var cycle = edges[id].Where(flowing.Contains).Any(Visit);
                state[id] = 2;
                return cycle;
            }
        }

        private List<string> Successors(StepDefinition step)
        {
            var next = new List<string>();
            void Add(string? id)
            {
                if (id is not null && dialog.FindStep(id) is not null)
                {
                    next.Add(id);
                }
            }

            switch (step.Kind)
            {
                case StepKind.End:
                    break;
                case StepKind.Goto when step.GotoStep is not null:
                    Add(step.GotoStep);
                    break;
                case StepKind.Goto when step.Call:
                    Add(dialog.NextStepId(step));
                    break;
                case StepKind.Goto:
                    break;
                case StepKind.Ask:
                    Add(step.OnUnclear);
                    foreach (var choice in step.Choices)
                    {
                        Add(choice.Next ?? dialog.NextStepId(step));
                    }

                    if (step.Ask == AskKind.Confirm)
                    {
                        Add(step.YesNext ?? dialog.NextStepId(step));
                        Add(step.NoNext ?? dialog.NextStepId(step));
                    }
                    else if (step.Ask != AskKind.Choice)
                    {
                        Add(dialog.NextStepId(step));
                    }

                    break;
                case StepKind.Action:
                    Add(dialog.NextStepId(step));
                    if (step.ActionName is not null && actions.TryGetValue(step.ActionName, out var action))
                    {
                        foreach (var parameter in action.Parameters.Where(p => p.IsStepReference))
                        {
                            Add(step.Args.GetValueOrDefault(parameter.Name));
                        }

                        if (action.ExtraArgumentsAreSteps)
                        {
                            foreach (var arg in step.Args.Where(a => action.Parameters.All(p => p.Name != a.Key)))
                            {
                                Add(arg.Value);
                            }
                        }
                    }

                    break;
                default:
                    Add(dialog.NextStepId(step));
                    break;
            }

            return next;
        }

        private static bool IsExit(StepDefinition step) =>
            step.Kind == StepKind.End || (step.Kind == StepKind.Goto && step.GotoDialog is not null && !step.Call);

        /// <summary>True when some way out of the step has no explicit target and there is no following step.</summary>
        private bool FallsOffTheEnd(StepDefinition step)
        {
            if (step.Kind == StepKind.End || (step.Kind == StepKind.Goto && !step.Call) || dialog.NextStepId(step) is not null)
            {
                return false;
            }

            return step.Kind switch
            {
                StepKind.Ask when step.Ask == AskKind.Choice => step.Choices.Any(c => c.Next is null),
                StepKind.Ask when step.Ask == AskKind.Confirm => step.YesNext is null || step.NoNext is null,
                _ => true,
            };
        }
    }
}
