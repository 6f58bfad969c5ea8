using System.Text;
using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Exercises;

/// <summary>
/// How an exercise is shown in chat: the short form for a 30-second break (name, steps, one stop line) with "More"
/// for the full text (what it does, what to feel, every stop rule, who should skip it). Words from the library's
/// wording. The "Stop if" and "Skip it if" lines are safety text (<see cref="SafetyText"/>).
/// </summary>
public static class ExerciseText
{
    /// <summary>Choice ids of the buttons under an exercise: show that exercise, or its full text.</summary>
    public const string ShowChoicePrefix = "exercise:";
    public const string MoreChoicePrefix = "exercise_more:";

    public static string Render(Exercise exercise, ExerciseLibrary library)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(library);
        var words = library.Wording;
        var text = Heading(exercise)
            .Append('\n').Append(words[exercise.Kind == ExerciseKind.Stretch ? "stretches" : "strengthens"]).Append(' ').Append(exercise.Targets).Append('.');
        AppendSteps(text, exercise);
        text.Append('\n').Append(words["feel"]).Append(' ').Append(Sentence(exercise.Feel))
            .Append('\n').Append(SafetyText.Marker).Append(words["stop_if"]).Append(' ').Append(exercise.StopIf).Append(' ').Append(words["stop_rule"])
            .Append('\n').Append(SafetyText.Marker).Append(words["skip_if"]).Append(' ').Append(exercise.AvoidIf);
        if (exercise.Balances is not null && library.Find(exercise.Balances) is { } partner)
        {
            text.Append('\n').Append(words["balance_with", partner.Name]).Append('.');
        }

        return text.ToString();
    }

    /// <summary>Name and dose, the steps, and one line on when to stop: this exercise's reason and the seed text's rule.</summary>
    public static string RenderShort(Exercise exercise, ExerciseLibrary library)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(library);
        var text = Heading(exercise);
        AppendSteps(text, exercise);
        text.Append('\n').Append(SafetyText.Marker).Append(library.Wording["stop_if"]).Append(' ').Append(exercise.StopIf).Append(' ').Append(library.Wording["short_stop_rule"]);
        return text.ToString();
    }

    /// <summary>"More", "Balance it with: X" and, for a standing exercise, its seated variant.</summary>
    public static IReadOnlyList<ReplyChoice> Choices(Exercise exercise, ExerciseLibrary library, bool full)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(library);
        var choices = new List<ReplyChoice>();
        if (!full)
        {
            choices.Add(new(MoreChoicePrefix + exercise.Id, library.Wording["more"]));
        }

        if (exercise.Balances is not null && library.Find(exercise.Balances) is { } partner)
        {
            choices.Add(new(ShowChoicePrefix + partner.Id, library.Wording["balance_with", partner.Name]));
        }

        if (exercise.SeatedVariant is not null && library.Find(exercise.SeatedVariant) is { } seated)
        {
            choices.Add(new(ShowChoicePrefix + seated.Id, library.Wording["seated_instead", seated.Name]));
        }

        return choices;
    }

    private static StringBuilder Heading(Exercise exercise) =>
        new StringBuilder().Append("**").Append(exercise.Name).Append("** (").Append(exercise.Dose).Append(')');

    private static void AppendSteps(StringBuilder text, Exercise exercise)
    {
        for (var i = 0; i < exercise.Steps.Count; i++)
        {
            text.Append('\n').Append(i + 1).Append(". ").Append(exercise.Steps[i]);
        }
    }

    private static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";
}
