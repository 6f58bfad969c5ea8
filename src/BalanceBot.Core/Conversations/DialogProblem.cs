namespace BalanceBot.Core.Conversations;

/// <summary>One thing wrong with a dialog file, printed as <c>file:line: message</c>.</summary>
public sealed record DialogProblem(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
