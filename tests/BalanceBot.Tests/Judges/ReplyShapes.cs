using BalanceBot.Core.Conversations;
using BalanceBot.Core.Exercises;
using BalanceBot.Core.Reminders;

namespace BalanceBot.Tests.Judges;

/// <summary>
/// Every reply shape the dialogs can produce, built from the loaded catalog the way the engine builds them: each
/// question and its re-ask with the buttons it offers, each say step, and each exercise as the stretch answer and
/// as a reminder prompt. Placeholders are filled with long realistic values, so lengths are judged at their worst.
/// </summary>
internal static class ReplyShapes
{
    public static IReadOnlyList<(string Name, Reply Reply)> All(DialogCatalog catalog)
    {
        var shapes = new List<(string, Reply)>();
        foreach (var dialog in catalog.Dialogs.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            foreach (var step in dialog.Steps)
            {
                var name = $"{dialog.Id}.{step.Id}";
                if (step.Kind == StepKind.Say)
                {
                    shapes.Add((name, Reply.Say(Fill(step.Text!))));
                }
                else if (step.Kind == StepKind.Ask)
                {
                    IReadOnlyList<ReplyChoice> choices = step.Ask switch
                    {
                        AskKind.Choice => [.. step.Choices.Select(c => new ReplyChoice(c.Id, Fill(c.Label)))],
                        AskKind.Confirm => [new ReplyChoice("yes", "Yes"), new ReplyChoice("no", "No")],
                        AskKind.Text => [.. step.Suggestions.Select(s => new ReplyChoice(s, s))],
                        _ => [],
                    };
                    shapes.Add((name, new Reply(Fill(step.Text!), choices, ExpectsInput: true, step.Ask)));
                    if (step.Retry is not null)
                    {
                        shapes.Add((name + ".retry", new Reply(Fill(step.Retry), choices, ExpectsInput: true, step.Ask)));
                    }
                }
            }
        }

        foreach (var exercise in catalog.Exercises.All)
        {
            shapes.Add(($"stretch:{exercise.Id}", Reply.Say(Fill(ExerciseText.Render(exercise, catalog.Exercises)))));
            shapes.Add(($"reminder:{exercise.Id}", ReminderPrompt.For(exercise, catalog.Exercises, SampleValue)));
        }

        return shapes;
    }

    private static string Fill(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\{(?<name>[a-z][a-z0-9_]*)\}", m => SampleValue(m.Groups["name"].Value) ?? "a sample value of middling length");

    private static string? SampleValue(string name) => name switch
    {
        "emergency_number" => "999 (or 112)",
        "crisis_line" => "Samaritans on 116 123 (free, 24/7), or text SHOUT to 85258",
        "urgent_help" => "NHS 111 (online or by phone) or an urgent GP appointment",
        _ => null,
    };
}
