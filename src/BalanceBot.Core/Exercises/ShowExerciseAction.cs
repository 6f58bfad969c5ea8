using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Exercises;

/// <summary>
/// <c>action: show_exercise</c> with optional <c>area_from</c> (a saved value holding a body area): shows the next
/// exercise from the library for that area, never the same one twice in a row.
/// </summary>
public sealed class ShowExerciseAction(ExerciseLibrary exercises) : IDialogAction
{
    public string Name => "show_exercise";

    public IReadOnlyList<DialogActionParameter> Parameters { get; } = [new("area_from", Required: false)];

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues) =>
        ActionArguments.NameSavedValues(args, definedValues, "area_from");

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var area = context.Args.TryGetValue("area_from", out var from) ? context.Values.GetValueOrDefault(from) : null;
        var exercise = exercises.Next(area is not null && ExerciseLibrary.Areas.Contains(area) ? area : null, context.LastExerciseId);
        if (exercise is not null)
        {
            context.LastExerciseId = exercise.Id;
            context.Say(ExerciseText.Render(exercise, exercises));
        }

        return ValueTask.FromResult(DialogActionResult.Continue);
    }
}
