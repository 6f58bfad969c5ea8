namespace BalanceBot.Core.Conversations;

/// <summary>Where something was written in a dialog file; printed as <c>file:line</c>.</summary>
public readonly record struct SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
