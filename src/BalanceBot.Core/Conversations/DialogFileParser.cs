using System.Globalization;
using BalanceBot.Core.Checkup;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BalanceBot.Core.Conversations;

/// <summary>
/// Reads one dialog YAML file into a <see cref="DialogDefinition"/>, reporting schema problems with their line.
/// It walks the YAML node tree by hand (not a serializer) so that every problem can name the line it is on and
/// unknown keys are errors, not silently ignored typos.
/// </summary>
internal sealed partial class DialogFileParser
{
    private static readonly string[] DialogKeys = ["id", "title", "description", "triggers", "steps"];
    private static readonly string[] KindKeys = ["say", "ask", "action", "goto", "end"];
    private static readonly string[] AskOptionKeys = ["choices", "yes", "no", "min", "max", "max_length", "red_flag", "suggestions"];
    private static readonly string[] ChoiceKeys = ["id", "label", "synonyms", "next", "level"];

    private static readonly Dictionary<StepKind, string[]> KeysByKind = new()
    {
        [StepKind.Say] = ["id", "say", "style", "next"],
        [StepKind.Ask] = ["id", "ask", "text", "retry", "save", "next", "on_unclear", "follow_up", "choices", "yes", "no", "min", "max", "max_length", "red_flag", "suggestions", "understands"],
        [StepKind.Action] = ["id", "action", "args", "next"],
        [StepKind.Goto] = ["id", "goto", "call", "next"],
        [StepKind.End] = ["id", "end"],
    };

    private readonly string _file;
    private readonly List<DialogProblem> _problems;

    private DialogFileParser(string file, List<DialogProblem> problems)
    {
        _file = file;
        _problems = problems;
    }

    /// <summary>Parses <paramref name="yaml"/>; returns null when the file is too broken to describe a dialog.</summary>
    public static DialogDefinition? Parse(string file, string yaml, List<DialogProblem> problems)
    {
        var parser = new DialogFileParser(file, problems);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            problems.Add(YamlProblem(file, yaml, ex));
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            problems.Add(new DialogProblem(new SourceLocation(file, 1), "a dialog file holds exactly one dialog (one YAML document)"));
            return null;
        }

        return parser.ParseDialog(stream.Documents[0].RootNode);
    }

    private DialogDefinition? ParseDialog(YamlNode root)
    {
        if (root is not YamlMappingNode map)
        {
            Problem(root, "a dialog file must be a mapping with id and steps");
            return null;
        }

        CheckKeys(map, DialogKeys, "dialog");
        var id = RequiredScalar(map, "id", "dialog");
        var title = OptionalScalar(map, "title");
        OptionalScalar(map, "description");
        var triggers = OptionalScalarList(map, "triggers");

        var steps = new List<StepDefinition>();
        if (!map.Children.TryGetValue(new YamlScalarNode("steps"), out var stepsNode))
        {
            Problem(map, "dialog has no steps");
        }
        else if (stepsNode is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            Problem(stepsNode, "steps must be a non-empty list");
        }
        else
        {
            foreach (var stepNode in sequence.Children)
            {
                if (ParseStep(stepNode) is { } step)
                {
                    steps.Add(step);
                }
            }
        }

        return id is null ? null : new DialogDefinition(id, title, triggers, steps, At(map));
    }

    private StepDefinition? ParseStep(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Problem(node, "a step must be a mapping with an id and one of: say, ask, action, goto, end");
            return null;
        }

        var kindKeys = KindKeys.Where(k => map.Children.ContainsKey(new YamlScalarNode(k))).ToList();
        if (kindKeys.Count != 1)
        {
            Problem(map, kindKeys.Count == 0
                ? $"unknown step kind: a step needs exactly one of {string.Join(", ", KindKeys)}"
                : $"a step has one kind, this one has {string.Join(" and ", kindKeys)}");
            return null;
        }

        var kind = Enum.Parse<StepKind>(kindKeys[0], ignoreCase: true);
        CheckKeys(map, KeysByKind[kind], $"{kindKeys[0]} step");
        var id = RequiredScalar(map, "id", "step");
        if (id is null)
        {
            return null;
        }

        var step = new StepDefinition
        {
            Id = id,
            Kind = kind,
            Location = At(map),
            Next = OptionalScalar(map, "next"),
        };

        return kind switch
        {
            StepKind.Say => ParseSay(map, step),
            StepKind.Ask => ParseAsk(map, step),
            StepKind.Action => step with { ActionName = RequiredScalar(map, "action", "action step"), Args = OptionalScalarMap(map, "args") },
            StepKind.Goto => ParseGoto(map, step),
            StepKind.End => ParseEnd(map, step),
            _ => throw new InvalidOperationException($"unhandled step kind {kind}"),
        };
    }

    private StepDefinition? ParseAsk(YamlMappingNode map, StepDefinition step)
    {
        var kindText = RequiredScalar(map, "ask", "ask step");
        if (kindText is null)
        {
            return null;
        }

        if (!Enum.TryParse<AskKind>(kindText, ignoreCase: true, out var askKind) || !kindText.All(char.IsLower))
        {
            Problem(map.Children[new YamlScalarNode("ask")], $"unknown ask kind '{kindText}': use choice, confirm, number, text or time");
            return null;
        }

        var allowed = askKind switch
        {
            AskKind.Choice => new[] { "choices", "red_flag" },
            AskKind.Confirm => ["yes", "no"],
            AskKind.Number => ["min", "max"],
            AskKind.Text => ["max_length", "suggestions"],
            _ => [],
        };
        foreach (var key in AskOptionKeys.Except(allowed))
        {
            if (map.Children.TryGetValue(new YamlScalarNode(key), out var misplaced))
            {
                Problem(misplaced, $"'{key}' does not apply to ask: {kindText}");
            }
        }

        var ask = step with
        {
            Ask = askKind,
            Text = RequiredScalar(map, "text", "ask step"),
            Retry = OptionalScalar(map, "retry"),
            Save = OptionalScalar(map, "save"),
            Understands = OptionalScalar(map, "understands"),
            YesNext = OptionalScalar(map, "yes"),
            NoNext = OptionalScalar(map, "no"),
            OnUnclear = OptionalScalar(map, "on_unclear"),
            FollowUp = OptionalScalar(map, "follow_up"),
            MaxLength = OptionalInt(map, "max_length") ?? 200,
            Suggestions = OptionalScalarList(map, "suggestions"),
        };

        if (askKind == AskKind.Number)
        {
            var min = OptionalInt(map, "min");
            var max = OptionalInt(map, "max");
            if (min is null || max is null)
            {
                Problem(map, "ask: number needs min and max");
            }

            ask = ask with { Min = min ?? 0, Max = max ?? 0 };
        }

        if (askKind == AskKind.Choice)
        {
            ask = ask with { Choices = ParseChoices(map), RedFlag = OptionalBool(map, "red_flag") ?? false };
        }

        return ask;
    }

    private List<ChoiceDefinition> ParseChoices(YamlMappingNode map)
    {
        var choices = new List<ChoiceDefinition>();
        if (!map.Children.TryGetValue(new YamlScalarNode("choices"), out var node) || node is not YamlSequenceNode sequence)
        {
            Problem(map, "ask: choice needs a list of choices");
            return choices;
        }

        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode choice)
            {
                Problem(item, "a choice must be a mapping with id and label");
                continue;
            }

            CheckKeys(choice, ChoiceKeys, "choice");
            var id = RequiredScalar(choice, "id", "choice");
            var label = RequiredScalar(choice, "label", "choice");
            TriageLevel? level = null;
            if (OptionalScalar(choice, "level") is { } levelName)
            {
                if (TriageLevels.TryParse(levelName, out var parsed))
                {
                    level = parsed;
                }
                else
                {
                    Problem(choice.Children[new YamlScalarNode("level")], $"unknown level '{levelName}': use {string.Join(", ", TriageLevels.Names)}");
                }
            }

            if (id is not null && label is not null)
            {
                choices.Add(new ChoiceDefinition(id, label, OptionalScalarList(choice, "synonyms"), OptionalScalar(choice, "next"), At(choice), level));
            }
        }

        return choices;
    }

    private StepDefinition ParseGoto(YamlMappingNode map, StepDefinition step)
    {
        var target = map.Children[new YamlScalarNode("goto")];
        var call = OptionalBool(map, "call") ?? false;
        if (target is YamlScalarNode { Value: { Length: > 0 } stepId } && !stepId.StartsWith("dialog:", StringComparison.Ordinal))
        {
            if (call)
            {
                Problem(map, "call applies only to goto a dialog (goto: dialog:<id>)");
            }

            return step with { GotoStep = stepId };
        }

        if (target is YamlScalarNode { Value: { } dialogRef } && dialogRef.StartsWith("dialog:", StringComparison.Ordinal) && dialogRef.Length > "dialog:".Length)
        {
            return step with { GotoDialog = dialogRef["dialog:".Length..], Call = call };
        }

        Problem(target, "goto needs a step id of this dialog, or dialog:<id> for another dialog");
        return step with { GotoStep = string.Empty };
    }

    private StepDefinition ParseEnd(YamlMappingNode map, StepDefinition step)
    {
        if (map.Children[new YamlScalarNode("end")] is not YamlScalarNode { Value: "true" })
        {
            Problem(map, "an end step is written 'end: true'");
        }

        return step;
    }
}
