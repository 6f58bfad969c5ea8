using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Exercises;

/// <summary>
/// <c>action: show_exercise</c> with optional <c>area_from</c> (a saved value holding a body area) and <c>kind</c>
/// (stretch, the default: something to do at a desk, or strengthen): shows the next exercise from the library for
/// that area, never the same one twice in a row.
/// </summary>
public sealed class ShowExerciseAction(ExerciseLibrary exercises) : IDialogAction
{
    public string Name => "show_exercise";

    public IReadOnlyList<DialogActionParameter> Parameters { get; } = [new("area_from", Required: false), new("kind", Required: false)];

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues)
    {
        ArgumentNullException.ThrowIfNull(args);
        foreach (var problem in ActionArguments.NameSavedValues(args, definedValues, "area_from"))
        {
            yield return problem;
        }

        if (args.TryGetValue("kind", out var kind) && kind is not ("stretch" or "strengthen"))
        {
            yield return $"kind must be stretch or strengthen, not '{kind}'";
        }
    }

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var area = context.Args.TryGetValue("area_from", out var from) ? context.Values.GetValueOrDefault(from) : null;
        var kind = context.Args.GetValueOrDefault("kind") == "strengthen" ? ExerciseKind.Strengthen : ExerciseKind.Stretch;
        var exercise = exercises.Next(area is not null && ExerciseLibrary.Areas.Contains(area) ? area : null, context.LastExerciseId, kind);
        if (exercise is not null)
        {
            context.LastExerciseId = exercise.Id;
            // Placeholders ({emergency_number}) are kept for the dialog run, which fills everything an action says.
            var (reply, userChanged) = ExerciseReplies.Show(exercise, exercises, context.User, full: false, name => "{" + name + "}");
            context.Show(reply);
            if (userChanged)
            {
                context.MarkUserChanged();
            }
        }

        return ValueTask.FromResult(DialogActionResult.Continue);
    }
}
