using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Exercises;

/// <summary>
/// "stretch", "stretch neck", and "stretch" with any body area or muscle word the understanding layer reads
/// ("stretch chest", "stretch my hamstrings"): one exercise for the area (or any area), not the one shown last.
/// </summary>
public sealed class StretchTurnHandler(ExerciseLibrary exercises) : ITurnHandler
{
    public TurnStage Stage => TurnStage.FeatureCommand;

    public int Order => 300;

    public bool IsRequest(TurnContext turn) => Request(turn, out _);

    /// <summary>
    /// Between dialogs, any stretch request; in a dialog, one that names an area ("stretch chest" at the menu is that
    /// stretch, not the menu's "Quick stretch" choice asking for the area again), never on a red flag.
    /// </summary>
    public ValueTask<bool> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!Request(turn, out var area) || (turn.DialogActive && (turn.OnRedFlagQuestion || area is null)))
        {
            return ValueTask.FromResult(false);
        }

        Show(turn, exercises, area);
        return ValueTask.FromResult(true);
    }

    internal static bool Request(TurnContext turn, out string? area)
    {
        ArgumentNullException.ThrowIfNull(turn);
        area = null;
        if (turn.Turn.ChoiceId is not null)
        {
            return false;
        }

        // The layer first: it knows the most specific area ("the middle of my back" is the upper back).
        if (StretchCommand.IsStretchWording(turn.Normalized) && turn.Understood.BodyAreas.FirstOrDefault(ExerciseLibrary.Areas.Contains) is { } understoodArea)
        {
            area = understoodArea;
            return true;
        }

        return StretchCommand.TryParse(turn.Normalized, out area);
    }

    /// <summary>Ends whatever dialog ran and shows one exercise with its stop rules.</summary>
    internal static void Show(TurnContext turn, ExerciseLibrary exercises, string? area)
    {
        turn.EndDialogs();
        if (exercises.Next(area, turn.LastExerciseId) is { } exercise)
        {
            turn.LastExerciseId = exercise.Id;
            turn.Say(ExerciseText.Render(exercise, exercises));
        }
    }
}

/// <summary>"stretch" typed where a dialog asked something else (a time, a name): shown, and the dialog ends.</summary>
public sealed class StretchInsteadOfAnswerTurnHandler(ExerciseLibrary exercises) : ITurnHandler
{
    public TurnStage Stage => TurnStage.NotAnAnswer;

    public ValueTask<bool> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!StretchTurnHandler.Request(turn, out var area))
        {
            return ValueTask.FromResult(false);
        }

        StretchTurnHandler.Show(turn, exercises, area);
        return ValueTask.FromResult(true);
    }
}
