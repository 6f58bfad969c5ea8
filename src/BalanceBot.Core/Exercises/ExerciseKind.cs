namespace BalanceBot.Core.Exercises;

/// <summary>The seed text's two halves of rebalancing: stretch what is shortened, strengthen its weak antagonist.</summary>
public enum ExerciseKind
{
    Stretch,
    Strengthen,
}
