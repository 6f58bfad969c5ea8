using BalanceBot.Core.Conversations;
using BalanceBot.Core.Understanding;

namespace BalanceBot.Core.Tests.Conversations;

/// <summary>Builds dialog sets from YAML text written in the test, plus minimal system dialogs.</summary>
internal static class TestDialogs
{
    public const string SystemDialogsYaml = """
        id: welcome
        steps:
          - id: hi
            say: Welcome!
          - id: done
            end: true
        ---
        id: menu
        steps:
          - id: pick
            ask: choice
            text: Menu?
            choices:
              - id: first
                label: First thing
                next: go_first
              - id: second
                label: Second thing
                next: go_second
          - id: go_first
            say: First picked.
            next: done
          - id: go_second
            say: Second picked.
          - id: done
            end: true
        ---
        id: help
        steps:
          - id: text
            say: Help text.
          - id: done
            end: true
        ---
        id: cancelled
        steps:
          - id: text
            say: Cancelled.
          - id: done
            end: true
        ---
        id: not_understood
        steps:
          - id: text
            say: Giving up.
          - id: show_help
            goto: dialog:help
        ---
        id: emergency
        steps:
          - id: text
            say: Call {emergency_number} now.
          - id: done
            end: true
        ---
        id: crisis
        steps:
          - id: text
            say: Crisis line {crisis_line}; emergency {emergency_number}; doctor {urgent_help}.
          - id: done
            end: true
        ---
        id: stop_reminders
        steps:
          - id: confirm
            ask: confirm
            text: Stop reminders?
            yes: stop
            no: done
          - id: stop
            action: stop_reminders
          - id: done
            end: true
        ---
        id: time_zone_changed
        steps:
          - id: check
            action: time_zone_change_check
            args: { unchanged: done }
          - id: ask
            ask: confirm
            text: Move to {new_time_zone}?
            yes: apply
            no: done
          - id: apply
            action: apply_time_zone_change
          - id: done
            end: true
        """;

    /// <summary>Parses each YAML document (separated by <c>---</c>) as its own file named <c>{id-or-index}.yaml</c>.</summary>
    public static (List<DialogDefinition> Dialogs, List<DialogProblem> Problems) Parse(string yaml)
    {
        var dialogs = new List<DialogDefinition>();
        var problems = new List<DialogProblem>();
        var documents = yaml.Split("\n---\n");
        for (var i = 0; i < documents.Length; i++)
        {
            if (DialogFileParser.Parse($"d{i}.yaml", documents[i], problems) is { } dialog)
            {
                dialogs.Add(dialog);
            }
        }

        return (dialogs, problems);
    }

    /// <summary>A validated catalog of the system dialogs plus <paramref name="yaml"/>; fails the test on any problem.</summary>
    public static DialogCatalog Catalog(string yaml, params IDialogAction[] extraActions)
    {
        var (dialogs, problems) = Parse(SystemDialogsYaml + "\n---\n" + yaml);
        var actions = BuiltInActions.Create().Concat(extraActions).ToList();
        problems.AddRange(DialogValidator.Validate(dialogs, actions));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        return new DialogCatalog(dialogs, actions, RealUnderstanding.Value);
    }

    /// <summary>The understanding layer of the real <c>dialogs/lexicon</c>: safety must work in every test catalog.</summary>
    public static Lazy<LanguageUnderstanding> RealUnderstanding { get; } = new(() =>
        DialogFolder.Check(RepositoryPaths.Dialogs, BuiltInActions.Create()).Understanding
        ?? throw new InvalidOperationException("dialogs/lexicon has problems"));
}
