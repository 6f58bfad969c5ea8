using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Exercises;

/// <summary>
/// "stretch", "stretch neck", and "stretch" with any body area or muscle word the understanding layer reads
/// ("stretch chest", "stretch my hamstrings", "strengthen my upper back"): one exercise for the area (or any area),
/// not the one shown last.
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

    /// <summary>
    /// Ends whatever dialog ran and shows one exercise: a stretch unless the message asked to strengthen, aimed at the
    /// muscle it names (issue 18), with its picture, stop rule and buttons.
    /// </summary>
    internal static void Show(TurnContext turn, ExerciseLibrary exercises, string? area)
    {
        turn.EndDialogs();
        if (exercises.Next(area, turn.LastExerciseId, StretchCommand.KindAsked(turn.Normalized), StretchCommand.MuscleNamed(turn.Normalized)) is { } exercise)
        {
            Show(turn, exercises, exercise, full: false);
        }
    }

    /// <summary>One exercise as one reply: the short form or, after "More", the full text.</summary>
    internal static void Show(TurnContext turn, ExerciseLibrary exercises, Exercise exercise, bool full)
    {
        turn.LastExerciseId = exercise.Id;
        // Placeholders ({emergency_number}) are kept here; the turn fills the built-in ones in whatever a feature shows.
        var (reply, userChanged) = ExerciseReplies.Show(exercise, exercises, turn.User, full, name => "{" + name + "}");
        turn.Show(reply);
        if (userChanged)
        {
            turn.MarkUserChanged();
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

/// <summary>
/// The buttons under an exercise ("More", "Balance it with: X", the seated variant) work anywhere; their labels or an
/// exercise's name typed back only between dialogs, where they cannot be an answer.
/// </summary>
public sealed class ExerciseButtonTurnHandler(ExerciseLibrary exercises) : ITurnHandler
{
    public TurnStage Stage => TurnStage.FeatureCommand;

    public int Order => 150;

    public ValueTask<bool> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (ExerciseReplies.Requested(turn.Turn.ChoiceId, turn.Normalized, exercises, turn.LastExerciseId, typed: !turn.DialogActive) is not { } asked)
        {
            return ValueTask.FromResult(false);
        }

        turn.EndDialogs();
        StretchTurnHandler.Show(turn, exercises, asked.Exercise, asked.Full);
        return ValueTask.FromResult(true);
    }
}
