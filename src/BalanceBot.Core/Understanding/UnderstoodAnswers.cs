using System.Globalization;
using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Understanding;

/// <summary>
/// The answers an opening message gives to a dialog's questions (issue 16), declared in the dialog: a step with
/// <c>understands: area | duration | onset | severity</c> is answered by that entity of the understanding layer.
/// A red-flag step is never answered this way (the validator refuses the attribute there), so it is always asked.
/// </summary>
public static class UnderstoodAnswers
{
    public const string Area = "area";
    public const string Duration = "duration";
    public const string Onset = "onset";
    public const string Severity = "severity";

    public static IReadOnlyList<string> Kinds { get; } = [Area, Duration, Onset, Severity];

    /// <summary>One answer read from the message: the value saved (a choice id, or a number) and what is said back.</summary>
    public readonly record struct Answer(string Save, string Value, string Label);

    /// <summary>The problems of the <c>understands</c> attributes of one dialog, each at its step's file and line.</summary>
    public static IEnumerable<DialogProblem> Check(DialogDefinition dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        foreach (var step in dialog.Steps.Where(s => s.Understands is not null))
        {
            var where = $"step '{step.Id}': understands '{step.Understands}'";
            if (!Kinds.Contains(step.Understands!))
            {
                yield return new(step.Location, $"{where} is not an entity the understanding layer reads ({string.Join(", ", Kinds)})");
            }
            else if (step.RedFlag)
            {
                yield return new(step.Location, $"{where} on a red-flag question: red flags are always asked, never filled in");
            }
            else if (step.Save is null)
            {
                yield return new(step.Location, $"{where} needs save: the answer is filled in under that name");
            }
            else if (step.Ask is not (AskKind.Choice or AskKind.Number) || (step.Ask == AskKind.Number && step.Understands != Severity))
            {
                yield return new(step.Location, $"{where} needs ask: choice (or ask: number for severity, the 0-10 score)");
            }
        }
    }

    /// <summary>What <paramref name="message"/> answers of <paramref name="dialog"/>'s questions, one per saved name, in step order.</summary>
    public static List<Answer> Read(DialogDefinition dialog, MessageUnderstanding message, LanguageUnderstanding layer)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(layer);
        var found = new List<Answer>();
        foreach (var step in dialog.Steps)
        {
            if (step.Kind != StepKind.Ask || step.Understands is null || step.RedFlag || step.Save is null || found.Exists(f => f.Save == step.Save))
            {
                continue;
            }

            if (step.Ask == AskKind.Number)
            {
                if (step.Understands == Severity && message.Severity?.Score is { } score && score >= step.Min && score <= step.Max)
                {
                    var value = score.ToString(CultureInfo.InvariantCulture);
                    found.Add(new(step.Save, value, $"{value}/{step.Max.ToString(CultureInfo.InvariantCulture)}"));
                }

                continue;
            }

            if (Choice(step, message, layer) is { } choice)
            {
                found.Add(new(step.Save, choice.Id, choice.Label));
            }
        }

        return found;
    }

    private static ChoiceDefinition? Choice(StepDefinition step, MessageUnderstanding message, LanguageUnderstanding layer) => step.Understands switch
    {
        Area => message.BodyAreas.Select(area => step.Choices.FirstOrDefault(c => c.Id == area)).FirstOrDefault(c => c is not null),
        Duration => message.DurationDays is null ? null : layer.DurationChoice(step.Choices, message.Tokens),
        Onset => Only(message.Onsets.Select(onset => ByName(step, onset, layer))),
        Severity => message.Severity is { } severity ? ByName(step, severity.Band, layer) : null,
        _ => null,
    };

    /// <summary>The choice with that id, or whose label or synonyms name it ("fall" is "Yes, after an injury").</summary>
    private static ChoiceDefinition? ByName(StepDefinition step, string value, LanguageUnderstanding layer) =>
        step.Choices.FirstOrDefault(c => c.Id == value) ?? layer.MatchChoice(step.Choices, value.Replace('_', ' '));

    /// <summary>
    /// The one choice all mentions agree on; none when a mention names no choice ("suddenly") or two name different
    /// ones ("gradually, then I fell"): then the question is asked rather than guessed.
    /// </summary>
    private static ChoiceDefinition? Only(IEnumerable<ChoiceDefinition?> choices)
    {
        ChoiceDefinition? only = null;
        foreach (var choice in choices)
        {
            if (choice is null || (only is not null && only.Id != choice.Id))
            {
                return null;
            }

            only = choice;
        }

        return only;
    }
}
