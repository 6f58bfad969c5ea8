using BalanceBot.Core.Checkup;

namespace BalanceBot.Core.Conversations;

public static partial class DialogValidator
{
    private sealed partial class DialogChecker
    {
        /// <summary>
        /// Issue 17: an escalated level must never be lost. From every answer (or action) that raises a check-up's
        /// level, each way on must pass a <c>route_by_level</c> step before the dialog ends, and that includes the way
        /// out after three unclear answers: a question on such a path needs an <c>on_unclear</c> (red flags are exempt,
        /// their second unclear answer counts as not sure). Reported at the step to fix, naming the answer that raised it.
        /// </summary>
        private void CheckEscalationsReachAnOutcome()
        {
            var routes = dialog.Steps.Where(s => s.ActionName == RouteByLevelAction.ActionName).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            if (routes.Count == 0)
            {
                return;
            }

            var raisers = new List<(string Start, string What)>();
            foreach (var step in dialog.Steps)
            {
                foreach (var choice in step.Choices.Where(c => c.Level is not null))
                {
                    var start = choice.Next ?? dialog.NextStepId(step);
                    if (start is not null)
                    {
                        raisers.Add((start, $"answer '{choice.Id}' of '{step.Id}' (line {choice.Location.Line}, {TriageLevels.Name(choice.Level!.Value)})"));
                    }
                }

                if (step.ActionName == RaiseLevelAction.ActionName && dialog.NextStepId(step) is { } after)
                {
                    raisers.Add((after, $"action step '{step.Id}' (line {step.Location.Line})"));
                }
            }

            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (start, what) in raisers)
            {
                foreach (var id in ReachableFrom(start, routes))
                {
                    var step = dialog.FindStep(id)!;
                    if (IsExit(step) && reported.Add(id))
                    {
                        Problem(step, $"after {what} raised the level, a path reaches '{id}' without an outcome: the level reached must be given ({RouteByLevelAction.ActionName})");
                    }
                    else if (step.Kind == StepKind.Ask && !step.RedFlag && step.OnUnclear is null && reported.Add(id))
                    {
                        Problem(step, $"after {what} raised the level, three unclear answers to '{id}' would end the check-up without its outcome: add on_unclear leading to {RouteByLevelAction.ActionName}");
                    }
                }
            }
        }

        /// <summary>Steps reachable from <paramref name="start"/> without passing any of <paramref name="stops"/>.</summary>
        private HashSet<string> ReachableFrom(string start, HashSet<string> stops)
        {
            var reachable = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>([start]);
            while (pending.TryPop(out var id))
            {
                if (!stops.Contains(id) && dialog.FindStep(id) is { } step && reachable.Add(id))
                {
                    foreach (var next in Successors(step))
                    {
                        pending.Push(next);
                    }
                }
            }

            return reachable;
        }
    }
}
