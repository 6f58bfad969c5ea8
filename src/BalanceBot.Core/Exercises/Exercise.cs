using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Exercises;

/// <summary>One exercise of <c>dialogs/exercises.yaml</c>. Ids are persisted (history, reminders): treat them as API.</summary>
public sealed record Exercise
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Check-up body areas this exercise helps (the area choice ids of the check-up).</summary>
    public required IReadOnlyList<string> Areas { get; init; }

    public required string Targets { get; init; }

    public required ExerciseKind Kind { get; init; }

    public required IReadOnlyList<string> Steps { get; init; }

    /// <summary>How long or how many, e.g. "hold 20-30 seconds, 2 times each side".</summary>
    public required string Dose { get; init; }

    public required string Feel { get; init; }

    /// <summary>Exercise-specific reasons to stop, shown before the universal stop rules.</summary>
    public required string StopIf { get; init; }

    /// <summary>Who should not do it.</summary>
    public required string AvoidIf { get; init; }

    /// <summary>The exercise that works the opposite muscle group (agonist and antagonist), if any.</summary>
    public string? Balances { get; init; }

    /// <summary>An exercise for the same muscles done sitting (in a chair or wheelchair), when this one is not.</summary>
    public string? SeatedVariant { get; init; }

    /// <summary>The two positions the app draws (issue 18); every exercise has one.</summary>
    public required ExercisePicture Picture { get; init; }

    public required SourceLocation Location { get; init; }
}
