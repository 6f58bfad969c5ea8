using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Tests.Conversations;

/// <summary>One broken file per rule; each asserts the exact <c>file:line: problem</c> a content author would see.</summary>
public sealed class DialogValidatorTests
{
    // The eight system dialogs are d0..d7; the dialog under test is d9.yaml.
    private static List<string> Problems(string yaml)
    {
        var (dialogs, problems) = TestDialogs.Parse(TestDialogs.SystemDialogsYaml + "\n---\n" + yaml);
        if (problems.Count == 0)
        {
            problems.AddRange(DialogValidator.Validate(dialogs, BuiltInActions.Create()));
        }

        return problems.Select(p => p.ToString()).ToList();
    }

    [Fact]
    public void The_system_dialogs_alone_are_valid() =>
        Assert.Empty(Problems("""
            id: extra
            steps:
              - id: done
                end: true
            """));

    [Fact]
    public void A_duplicate_dialog_id_names_both_places() =>
        Assert.Contains("d9.yaml:1: dialog id 'menu' is already used at d1.yaml:1", Problems("""
            id: menu
            steps:
              - id: done
                end: true
            """));

    [Fact]
    public void A_duplicate_step_id_is_reported() =>
        Assert.Contains("d9.yaml:5: step id 'hello' is already used at d9.yaml:3", Problems("""
            id: extra
            steps:
              - id: hello
                say: Hi.
              - id: hello
                end: true
            """));

    [Fact]
    public void A_next_that_names_no_step_is_reported() =>
        Assert.Contains("d9.yaml:3: next 'nowhere' is not a step of dialog 'extra'", Problems("""
            id: extra
            steps:
              - id: hello
                say: Hi.
                next: nowhere
              - id: done
                end: true
            """));

    [Fact]
    public void A_choice_next_that_names_no_step_is_reported_at_the_choice() =>
        Assert.Contains("d9.yaml:9: next of choice 'b' 'missing' is not a step of dialog 'extra'", Problems("""
            id: extra
            steps:
              - id: pick
                ask: choice
                text: Which?
                choices:
                  - id: a
                    label: A
                  - id: b
                    label: B
                    next: missing
              - id: done
                end: true
            """));

    [Fact]
    public void A_goto_to_an_unknown_dialog_is_reported() =>
        Assert.Contains("d9.yaml:3: goto: dialog 'nope' does not exist", Problems("""
            id: extra
            steps:
              - id: away
                goto: dialog:nope
            """));

    [Fact]
    public void A_last_step_that_does_not_end_the_dialog_is_a_dead_end() =>
        Assert.Contains("d9.yaml:3: dead end: step 'hello' is the last step and does not end the dialog (add next, goto or an end step)", Problems("""
            id: extra
            steps:
              - id: hello
                say: Hi.
            """));

    [Fact]
    public void A_loop_with_no_way_out_is_a_dead_end() =>
        Assert.Contains("d9.yaml:3: dead end: no path from step 'again' ever ends dialog 'extra'", Problems("""
            id: extra
            steps:
              - id: again
                ask: confirm
                text: Again?
                yes: again
                no: again
            """));

    [Fact]
    public void A_step_nothing_leads_to_is_unreachable() =>
        Assert.Contains("d9.yaml:5: step 'orphan' can never be reached from the start of dialog 'extra'", Problems("""
            id: extra
            steps:
              - id: done
                end: true
              - id: orphan
                say: Nobody hears this.
                next: done
            """));

    [Fact]
    public void A_step_of_an_unknown_kind_is_reported() =>
        Assert.Contains("d9.yaml:3: unknown step kind: a step needs exactly one of say, ask, action, goto, end", Problems("""
            id: extra
            steps:
              - id: hello
                shout: Hi.
              - id: done
                end: true
            """));

    [Fact]
    public void An_unknown_ask_kind_is_reported() =>
        Assert.Contains("d9.yaml:4: unknown ask kind 'date': use choice, confirm, number, text or time", Problems("""
            id: extra
            steps:
              - id: when
                ask: date
                text: When?
              - id: done
                end: true
            """));

    [Fact]
    public void A_say_style_other_than_attention_is_reported_and_attention_marks_every_line()
    {
        Assert.Contains("d9.yaml:4: 'style' must be attention", Problems("""
            id: styled
            steps:
              - id: hello
                style: loud
                say: Hi.
              - id: done
                end: true
            """));
        var (dialogs, problems) = TestDialogs.Parse("""
            id: styled
            steps:
              - id: warn
                style: attention
                say: |
                  Call now.

                  Don't drive.
              - id: done
                end: true
            """);
        Assert.Empty(problems);
        Assert.Equal($"{SafetyText.Marker}Call now.\n\n{SafetyText.Marker}Don't drive.\n", dialogs[0].Steps[0].Text);
    }

    [Fact]
    public void An_unknown_key_is_reported_instead_of_ignored() =>
        Assert.Contains("d9.yaml:5: unknown key 'nxt' in say step (allowed: id, say, style, next)", Problems("""
            id: extra
            steps:
              - id: hello
                say: Hi.
                nxt: done
              - id: done
                end: true
            """));

    [Fact]
    public void An_unknown_action_is_reported_with_the_known_ones() =>
        Assert.Contains(Problems("""
            id: extra
            steps:
              - id: go
                action: launch_rocket
              - id: done
                end: true
            """), p => p.StartsWith("d9.yaml:3: unknown action 'launch_rocket' (known: apply_time_zone_change, branch_if_at_least,", StringComparison.Ordinal));

    [Fact]
    public void A_missing_action_argument_is_reported() =>
        Assert.Contains("d9.yaml:7: action 'save_preference' needs argument 'from'", Problems("""
            id: extra
            steps:
              - id: name
                ask: text
                text: Name?
                save: name
              - id: keep
                action: save_preference
                args: { key: preferred_name }
              - id: done
                end: true
            """));

    [Fact]
    public void An_action_argument_outside_its_allowed_values_is_reported() =>
        Assert.Contains("d9.yaml:7: action 'save_preference': unknown preference 'shoe_size' (known: preferred_name, workday_start, breaks_per_day, country, tags, broadcasts, campaigns_left)", Problems("""
            id: extra
            steps:
              - id: size
                ask: number
                text: Shoe size?
                min: 1
                max: 60
                save: size
              - id: keep
                action: save_preference
                args: { key: shoe_size, from: size }
              - id: done
                end: true
            """).Select(p => p.Replace("d9.yaml:9", "d9.yaml:7", StringComparison.Ordinal)));

    [Fact]
    public void A_placeholder_nothing_defines_is_reported() =>
        Assert.Contains("d9.yaml:3: placeholder {mood} is not defined in dialog 'extra' (save it with an ask, or use one of: user_name, emergency_number, urgent_help, crisis_line, understood)", Problems("""
            id: extra
            steps:
              - id: hello
                say: You feel {mood}, {user_name}.
              - id: done
                end: true
            """));

    [Fact]
    public void A_loop_that_never_asks_anything_is_reported() =>
        Assert.Contains("d9.yaml:3: steps from 'one' loop back without asking anything, so the dialog would never wait for the user", Problems("""
            id: extra
            steps:
              - id: one
                say: One.
              - id: two
                goto: one
              - id: done
                end: true
            """));

    [Fact]
    public void A_choice_phrase_that_is_a_global_command_is_reported() =>
        Assert.Contains("d9.yaml:9: 'cancel' is a global command, so typing it can never pick choice 'stop'", Problems("""
            id: extra
            steps:
              - id: pick
                ask: choice
                text: Which?
                choices:
                  - id: go
                    label: Go on
                  - id: stop
                    label: Cancel
              - id: done
                end: true
            """));

    [Fact]
    public void A_missing_system_dialog_is_reported()
    {
        var (dialogs, _) = TestDialogs.Parse(TestDialogs.SystemDialogsYaml);
        var withoutHelp = dialogs.Where(d => d.Id != SystemDialogs.Help).ToList();

        var problems = DialogValidator.Validate(withoutHelp, BuiltInActions.Create()).Select(p => p.Message);

        Assert.Contains("the engine needs a dialog with id 'help', and none is defined", problems);
    }

    [Fact]
    public void A_tab_in_the_indentation_is_reported_at_its_own_line()
    {
        var problems = new List<DialogProblem>();
        var yaml = "id: extra\nsteps:\n  - id: hello\n    say: Hello.\n\t- id: done\n    end: true\n";

        Assert.Null(DialogFileParser.Parse("tabbed.yaml", yaml, problems));

        var problem = Assert.Single(problems);
        Assert.Equal(new SourceLocation("tabbed.yaml", 5), problem.Location);
    }

    [Fact]
    public void An_unterminated_quote_is_reported_at_the_line_it_opens_or_after()
    {
        var problems = new List<DialogProblem>();
        var yaml = "id: extra\nsteps:\n  - id: hello\n    say: Hello.\n  - id: bye\n    say: \"unterminated\n  - id: done\n    end: true\n";

        DialogFileParser.Parse("quoted.yaml", yaml, problems);

        Assert.InRange(Assert.Single(problems).Location.Line, 6, 9);
    }

    [Fact]
    public void Invalid_yaml_is_reported_at_its_line()
    {
        var problems = Problems("""
            id: extra
            steps:
              - id: hello
                say: "unterminated
              - id: done
                end: true
            """);

        Assert.Contains(problems, p => p.StartsWith("d9.yaml:", StringComparison.Ordinal) && p.Contains("not valid YAML", StringComparison.Ordinal));
    }

    [Fact]
    public void An_id_that_is_not_lower_snake_case_is_reported() =>
        Assert.Contains("d9.yaml:3: step id 'Say-Hi' must be lower-case letters, digits and underscores, starting with a letter", Problems("""
            id: extra
            steps:
              - id: Say-Hi
                say: Hi.
              - id: done
                end: true
            """));

    [Fact]
    public void The_real_dialogs_folder_is_valid()
    {
        var (dialogs, _, problems) = DialogFolder.Check(RepositoryPaths.Dialogs, BuiltInActions.Create());

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Superset(SystemDialogs.All.ToHashSet(), dialogs.Select(d => d.Id).ToHashSet());
    }

    [Fact]
    public void The_real_dialogs_use_every_step_and_ask_kind()
    {
        var (dialogs, _, _) = DialogFolder.Check(RepositoryPaths.Dialogs, BuiltInActions.Create());
        var steps = dialogs.SelectMany(d => d.Steps).ToList();

        Assert.Equal(Enum.GetValues<StepKind>().ToHashSet(), steps.Select(s => s.Kind).ToHashSet());
        Assert.Equal(Enum.GetValues<AskKind>().ToHashSet(), steps.Where(s => s.Kind == StepKind.Ask).Select(s => s.Ask).ToHashSet());
    }
}
