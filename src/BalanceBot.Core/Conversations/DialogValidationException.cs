namespace BalanceBot.Core.Conversations;

/// <summary>The dialogs folder has problems; the app does not start until they are fixed.</summary>
public sealed class DialogValidationException(IReadOnlyList<DialogProblem> problems)
    : Exception($"The dialog files have {problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}")
{
    public IReadOnlyList<DialogProblem> Problems { get; } = problems;
}
