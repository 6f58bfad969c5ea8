using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Users;
using Xunit.Abstractions;

namespace BalanceBot.Core.Tests.Checkup;

/// <summary>
/// Walks every path through the real check-up dialog (every choice of every question; pain as "under 7" and "7 or
/// more", the only split the dialog makes), running the real actions, and checks on each path that the outcome
/// shown is at least every level an answer triggered, that an emergency answer goes straight to the emergency
/// outcome, and that nothing is asked after an outcome but the optional stretch offer of self-care.
/// </summary>
public sealed class CheckupPathTests(ITestOutputHelper output)
{
    private static readonly DialogCatalog Catalog = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create());
    private readonly DialogDefinition _checkup = Catalog.GetDialog("checkup");
    private readonly Dictionary<string, IDialogAction> _actions = BuiltInActions.Create().ToDictionary(a => a.Name);
    private readonly Dictionary<PathState, long> _paths = [];

    /// <summary>Where a walk stands: the step, the level so far, the values actions read, and what was already shown.</summary>
    private sealed record PathState(string StepId, TriageLevel Level, string? Area, string? Duration, string? Pain, TriageLevel? Shown, bool EmergencyAnswered)
    {
        /// <summary>On a checklist's follow-up: only flags above this level are offered again.</summary>
        public TriageLevel? ReaskAbove { get; init; }

        public string? Course { get; init; }

        public string? Leg { get; init; }

        public string? Onset { get; init; }
    }

    [Fact]
    public void Every_path_ends_in_an_outcome_at_or_above_every_level_its_answers_triggered()
    {
        var count = Walk(new PathState(_checkup.Steps[0].Id, TriageLevel.SelfCare, null, null, null, null, false));

        output.WriteLine($"paths through the check-up: {count:N0}");
        Assert.True(count > 1000, $"only {count} paths: the enumeration is not reaching the areas");
    }

    private long Walk(PathState state)
    {
        if (_paths.TryGetValue(state, out var known))
        {
            return known;
        }

        var step = _checkup.FindStep(state.StepId)!;
        long count;
        if (step.Kind == StepKind.End || (step.Kind == StepKind.Goto && step.GotoDialog is not null))
        {
            Assert.True(state.Shown is not null, $"a path reaches '{step.Id}' without an outcome");
            Assert.True(state.Shown >= state.Level, $"outcome {state.Shown} is below the level {state.Level} the answers triggered (at '{step.Id}')");
            count = 1;
        }
        else if (step.Kind == StepKind.Say)
        {
            var shown = OutcomeLevel(SafetyText.Unmarked(step.Text!));
            if (shown is not null)
            {
                Assert.True(state.Shown is null, $"a second outcome at '{step.Id}'");
                Assert.True(!state.EmergencyAnswered || shown == TriageLevel.Emergency, $"an emergency answer led to '{step.Id}'");
            }

            count = Walk(state with { StepId = _checkup.NextStepId(step)!, Shown = shown ?? state.Shown });
        }
        else if (step.Kind == StepKind.Goto)
        {
            count = Walk(state with { StepId = step.GotoStep! });
        }
        else if (step.Kind == StepKind.Action)
        {
            var (next, level) = RunAction(step, state);
            count = Walk(state with { StepId = next, Level = level });
        }
        else
        {
            Assert.False(state.EmergencyAnswered, $"'{step.Id}' is asked after an emergency answer");
            Assert.True(
                state.Shown is null || (state.Shown != TriageLevel.Emergency && step.Id == "keep_in_history") || (state.Shown == TriageLevel.SelfCare && step.Id == "offer_stretch"),
                $"'{step.Id}' is asked after the {state.Shown} outcome");
            count = Answers(step, state).Sum(Walk);
        }

        _paths[state] = count;
        return count;
    }

    private IEnumerable<PathState> Answers(StepDefinition step, PathState state)
    {
        // Three unclear answers: where on_unclear leads (red flags count a second unclear answer as not sure instead).
        if (step.OnUnclear is { } unclear && !step.RedFlag)
        {
            yield return state with { StepId = unclear, ReaskAbove = null };
        }

        switch (step.Ask)
        {
            case AskKind.Choice:
                var checklist = step.RedFlag && step.Choices.Any(c => c.Id == "none");
                foreach (var choice in step.Choices.Where(c => state.ReaskAbove is null || c.Id is "none" or "not_sure" || c.Level > state.ReaskAbove))
                {
                    var level = choice.Level is { } raised && raised > state.Level ? raised : state.Level;

                    // A flag picked while higher flags of the list remain: the list is asked again with only those.
                    var reask = checklist && choice.Next is null && choice.Id is not ("none" or "not_sure") && step.Choices.Any(c => c.Level > level);
                    Assert.True(!reask || step.FollowUp is not null, $"'{step.Id}' mixes levels without a follow_up");
                    yield return state with
                    {
                        StepId = reask ? step.Id : choice.Next ?? _checkup.NextStepId(step)!,
                        Level = level,
                        Area = step.Save == "area" ? choice.Id : state.Area,
                        Duration = step.Save == "duration" ? choice.Id : state.Duration,
                        Course = step.Save == "course" ? choice.Id : state.Course,
                        Leg = step.Save == "leg" ? choice.Id : state.Leg,
                        Onset = step.Save == "onset" ? choice.Id : state.Onset,
                        EmergencyAnswered = state.EmergencyAnswered || choice.Level == TriageLevel.Emergency,
                        ReaskAbove = reask ? level : null,
                    };
                }

                break;
            case AskKind.Confirm:
                yield return state with { StepId = step.YesNext ?? _checkup.NextStepId(step)! };
                yield return state with { StepId = step.NoNext ?? _checkup.NextStepId(step)! };
                break;
            case AskKind.Number:
                foreach (var pain in new[] { "3", "8" })
                {
                    yield return state with { StepId = _checkup.NextStepId(step)!, Pain = pain };
                }

                break;
            default:
                throw new InvalidOperationException($"the check-up has an ask the walk does not know: {step.Id}");
        }
    }

    /// <summary>Runs the real action on the values the walk tracks; returns the next step and the level after it.</summary>
    private (string Next, TriageLevel Level) RunAction(StepDefinition step, PathState state)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { [TriageLevels.ValueName] = TriageLevels.Name(state.Level) };
        foreach (var (name, value) in new[] { ("area", state.Area), ("duration", state.Duration), ("pain", state.Pain), ("course", state.Course), ("leg", state.Leg), ("onset", state.Onset) })
        {
            if (value is not null)
            {
                values[name] = value;
            }
        }

        var context = new DialogActionContext(new Turn { Kind = TurnKind.Message, UserKey = "u", ConversationKey = "c" }, new UserRecord { Key = "u", FirstSeenUtc = default }, step.Args, values, []);
        var result = _actions[step.ActionName!].ExecuteAsync(context, CancellationToken.None).AsTask().GetAwaiter().GetResult();

        // Actions may only raise the level (the duration rule), never lower it.
        var level = TriageLevels.Current(values);
        Assert.True(level >= state.Level, $"action '{step.Id}' lowered the level");
        var next = result.GotoStep ?? (result.EndDialog ? throw new InvalidOperationException("unexpected end") : _checkup.NextStepId(step)!);
        return (next, level);
    }

    /// <summary>The level an outcome text gives, read from its opening words (never from the routing table).</summary>
    private static TriageLevel? OutcomeLevel(string text) =>
        text.StartsWith("**Call ", StringComparison.Ordinal) ? TriageLevel.Emergency
        : text.StartsWith("**Speak to a doctor today.**", StringComparison.Ordinal) ? TriageLevel.UrgentSameDay
        : text.StartsWith("**Book a GP appointment", StringComparison.Ordinal) ? TriageLevel.GpSoon
        : text.StartsWith("**Book a physiotherapist", StringComparison.Ordinal) ? TriageLevel.PhysioOrGpRoutine
        : text.StartsWith("**This sounds like a common pattern", StringComparison.Ordinal) ? TriageLevel.SelfCare
        : null;
}
