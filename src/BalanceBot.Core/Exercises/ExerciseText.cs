using System.Text;
using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Exercises;

/// <summary>
/// How an exercise is shown in chat: what it does, the steps, what to feel, and when to stop. The "Stop if" and "Skip
/// it if" lines are safety text (<see cref="SafetyText"/>).
/// </summary>
public static class ExerciseText
{
    public static string Render(Exercise exercise, ExerciseLibrary library)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(library);
        var purpose = exercise.Kind == ExerciseKind.Stretch ? "stretches" : "strengthens";
        var text = new StringBuilder()
            .Append("**").Append(exercise.Name).Append("** (").Append(exercise.Dose).Append(")\n")
            .Append("It ").Append(purpose).Append(' ').Append(exercise.Targets).Append('.');
        for (var i = 0; i < exercise.Steps.Count; i++)
        {
            text.Append('\n').Append(i + 1).Append(". ").Append(exercise.Steps[i]);
        }

        text.Append("\nYou should feel: ").Append(Sentence(exercise.Feel))
            .Append('\n').Append(SafetyText.Marker).Append("Stop if: ").Append(exercise.StopIf).Append(' ').Append(ExerciseLibrary.UniversalStopRule)
            .Append('\n').Append(SafetyText.Marker).Append("Skip it if: ").Append(exercise.AvoidIf);
        if (exercise.Balances is not null && library.Find(exercise.Balances) is { } partner)
        {
            text.Append("\nBalance it with: ").Append(partner.Name).Append('.');
        }

        return text.ToString();
    }

    private static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";
}
