using System.Text.RegularExpressions;
using BalanceBot.Core.Checkup;

namespace BalanceBot.Core.Conversations;

/// <summary>
/// Checks a set of dialogs before anything runs them (DESIGN §4): ids, references, dead ends, unreachable steps,
/// loops that never wait for the user, known actions and their arguments, and defined placeholders.
/// The app refuses to start on any problem; <c>balancebot dialogs validate</c> and a unit test run the same checks.
/// </summary>
public static partial class DialogValidator
{
    public static IReadOnlyList<DialogProblem> Validate(IReadOnlyList<DialogDefinition> dialogs, IReadOnlyCollection<IDialogAction> actions)
    {
        var problems = new List<DialogProblem>();
        var actionsByName = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var dialogIds = new Dictionary<string, DialogDefinition>(StringComparer.Ordinal);
        var triggers = new Dictionary<string, DialogDefinition>(StringComparer.Ordinal);

        foreach (var dialog in dialogs)
        {
            CheckId(dialog.Id, "dialog", dialog.Location, problems);
            if (!dialogIds.TryAdd(dialog.Id, dialog))
            {
                problems.Add(new(dialog.Location, $"dialog id '{dialog.Id}' is already used at {dialogIds[dialog.Id].Location}"));
            }

            foreach (var trigger in dialog.Triggers)
            {
                var normalized = InputText.Normalize(trigger);
                if (GlobalCommands.Recognize(normalized) != GlobalCommand.None)
                {
                    problems.Add(new(dialog.Location, $"trigger '{trigger}' is a global command and would never reach this dialog"));
                }
                else if (!triggers.TryAdd(normalized, dialog))
                {
                    problems.Add(new(dialog.Location, $"trigger '{trigger}' already starts dialog '{triggers[normalized].Id}'"));
                }
            }
        }

        foreach (var required in SystemDialogs.All.Where(id => !dialogIds.ContainsKey(id)))
        {
            var where = dialogs.Count > 0 ? new SourceLocation(dialogs[0].Location.File, 1) : new SourceLocation("dialogs", 1);
            problems.Add(new(where, $"the engine needs a dialog with id '{required}', and none is defined"));
        }

        foreach (var dialog in dialogs)
        {
            new DialogChecker(dialog, dialogIds, actionsByName, problems).Check();
        }

        problems.AddRange(dialogs.SelectMany(Understanding.UnderstoodAnswers.Check));

        return problems.OrderBy(p => p.Location.File, StringComparer.Ordinal).ThenBy(p => p.Location.Line).ToList();
    }

    internal static void CheckId(string id, string what, SourceLocation location, List<DialogProblem> problems)
    {
        if (!IdPattern().IsMatch(id))
        {
            problems.Add(new(location, $"{what} id '{id}' must be lower-case letters, digits and underscores, starting with a letter"));
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>The per-dialog rules, with the dialog's step graph at hand.</summary>
    private sealed partial class DialogChecker(
        DialogDefinition dialog,
        IReadOnlyDictionary<string, DialogDefinition> dialogs,
        IReadOnlyDictionary<string, IDialogAction> actions,
        List<DialogProblem> problems)
    {
        public void Check()
        {
            var stepIds = new Dictionary<string, StepDefinition>(StringComparer.Ordinal);
            foreach (var step in dialog.Steps)
            {
                CheckId(step.Id, "step", step.Location, problems);
                if (!stepIds.TryAdd(step.Id, step))
                {
                    Problem(step, $"step id '{step.Id}' is already used at {stepIds[step.Id].Location}");
                }
            }

            var defined = DefinedValues();
            foreach (var step in dialog.Steps)
            {
                CheckStep(step, defined);
            }

            CheckGraph();
            CheckCheckup();
            CheckEscalationsReachAnOutcome();
        }

        private HashSet<string> DefinedValues()
        {
            var defined = new HashSet<string>(Placeholders.BuiltIns, StringComparer.Ordinal);
            if (dialog.Steps.Any(s => s.Choices.Any(c => c.Level is not null)))
            {
                // The engine keeps a check-up's running level under this name.
                defined.Add(TriageLevels.ValueName);
            }

            foreach (var step in dialog.Steps)
            {
                if (step.Save is not null)
                {
                    defined.Add(step.Save);
                }

                if (step.ActionName is not null && actions.TryGetValue(step.ActionName, out var action))
                {
                    defined.UnionWith(action.Outputs);
                }
            }

            return defined;
        }

        private void CheckStep(StepDefinition step, HashSet<string> defined)
        {
            CheckPlaceholders(step, step.Text, defined);
            CheckPlaceholders(step, step.Retry, defined);

            if (step.Next is not null)
            {
                CheckStepReference(step, step.Next, "next");
            }

            if (step.OnUnclear is not null)
            {
                CheckStepReference(step, step.OnUnclear, "on_unclear");
            }

            switch (step.Kind)
            {
                case StepKind.Ask:
                    CheckAsk(step, defined);
                    break;
                case StepKind.Action:
                    CheckAction(step, defined);
                    break;
                case StepKind.Goto when step.GotoStep is { Length: > 0 }:
                    CheckStepReference(step, step.GotoStep, "goto");
                    break;
                case StepKind.Goto when step.GotoDialog is not null:
                    if (!dialogs.ContainsKey(step.GotoDialog))
                    {
                        Problem(step, $"goto: dialog '{step.GotoDialog}' does not exist");
                    }

                    if (!step.Call && step.Next is not null)
                    {
                        Problem(step, "next after a goto to another dialog is never used: add 'call: true' to come back");
                    }

                    break;
            }
        }

        private void CheckAsk(StepDefinition step, HashSet<string> defined)
        {
            if (step.Save is not null && !PlaceholderName().IsMatch(step.Save))
            {
                Problem(step, $"save name '{step.Save}' must be lower-case letters, digits and underscores");
            }

            switch (step.Ask)
            {
                case AskKind.Choice:
                    if (step.Choices.Count < 2)
                    {
                        Problem(step, "ask: choice needs at least two choices");
                    }

                    CheckChoices(step, defined);
                    break;
                case AskKind.Confirm:
                    if (step.YesNext is not null)
                    {
                        CheckStepReference(step, step.YesNext, "yes");
                    }

                    if (step.NoNext is not null)
                    {
                        CheckStepReference(step, step.NoNext, "no");
                    }

                    break;
                case AskKind.Number when step.Min > step.Max:
                    Problem(step, $"min ({step.Min}) is greater than max ({step.Max})");
                    break;
                case AskKind.Text when step.MaxLength is < 1 or > 2000:
                    Problem(step, "max_length must be between 1 and 2000");
                    break;
            }
        }

        private void CheckChoices(StepDefinition step, HashSet<string> defined)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var phrases = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var choice in step.Choices)
            {
                CheckId(choice.Id, "choice", choice.Location, problems);
                if (!ids.Add(choice.Id))
                {
                    problems.Add(new(choice.Location, $"choice id '{choice.Id}' is used twice in step '{step.Id}'"));
                }

                if (choice.Next is not null)
                {
                    CheckStepReference(step, choice.Next, $"next of choice '{choice.Id}'", choice.Location);
                }

                foreach (var name in Placeholders.NamesIn(choice.Label).Where(n => !defined.Contains(n)))
                {
                    problems.Add(new(choice.Location, $"placeholder {{{name}}} is not defined in dialog '{dialog.Id}'"));
                }

                foreach (var phrase in choice.Synonyms.Prepend(choice.Label).Select(InputText.Normalize))
                {
                    if (GlobalCommands.Recognize(phrase) != GlobalCommand.None)
                    {
                        problems.Add(new(choice.Location, $"'{phrase}' is a global command, so typing it can never pick choice '{choice.Id}'"));
                    }
                    else if (!phrases.TryAdd(phrase, choice.Id) && phrases[phrase] != choice.Id)
                    {
                        problems.Add(new(choice.Location, $"'{phrase}' would match both choice '{phrases[phrase]}' and '{choice.Id}'"));
                    }
                }
            }
        }

        private void CheckAction(StepDefinition step, HashSet<string> defined)
        {
            if (step.ActionName is null)
            {
                return;
            }

            if (!actions.TryGetValue(step.ActionName, out var action))
            {
                Problem(step, $"unknown action '{step.ActionName}' (known: {string.Join(", ", actions.Keys.Order(StringComparer.Ordinal))})");
                return;
            }

            foreach (var arg in step.Args.Where(a => action.Parameters.All(p => p.Name != a.Key)))
            {
                if (action.ExtraArgumentsAreSteps)
                {
                    CheckStepReference(step, arg.Value, $"case '{arg.Key}'");
                }
                else
                {
                    Problem(step, $"action '{action.Name}' has no argument '{arg.Key}' (it takes: {string.Join(", ", action.Parameters.Select(p => p.Name))})");
                }
            }

            foreach (var parameter in action.Parameters)
            {
                if (!step.Args.TryGetValue(parameter.Name, out var value))
                {
                    if (parameter.Required)
                    {
                        Problem(step, $"action '{action.Name}' needs argument '{parameter.Name}'");
                    }
                }
                else if (parameter.IsStepReference)
                {
                    CheckStepReference(step, value, $"argument '{parameter.Name}'");
                }
            }

            foreach (var message in action.ValidateArguments(step.Args, defined))
            {
                Problem(step, $"action '{action.Name}': {message}");
            }
        }

        private void CheckPlaceholders(StepDefinition step, string? text, HashSet<string> defined)
        {
            foreach (var name in Placeholders.NamesIn(text).Where(n => !defined.Contains(n)))
            {
                Problem(step, $"placeholder {{{name}}} is not defined in dialog '{dialog.Id}' (save it with an ask, or use one of: {string.Join(", ", Placeholders.BuiltIns)})");
            }
        }

        private void CheckStepReference(StepDefinition step, string target, string what, SourceLocation? at = null)
        {
            if (dialog.FindStep(target) is null)
            {
                problems.Add(new(at ?? step.Location, $"{what} '{target}' is not a step of dialog '{dialog.Id}'"));
            }
        }

        private void Problem(StepDefinition step, string message) => problems.Add(new(step.Location, message));
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderName();
}
