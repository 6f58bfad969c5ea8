namespace BalanceBot.Core.Conversations;

/// <summary>Where the dialog goes after an action: on to the step's next, to a named step, or to its end.</summary>
public sealed record DialogActionResult(string? GotoStep, bool EndDialog)
{
    public static DialogActionResult Continue { get; } = new(null, false);

    public static DialogActionResult End { get; } = new(null, true);

    public static DialogActionResult Goto(string stepId) => new(stepId, false);
}
