namespace BalanceBot.Core.Conversations;

/// <summary>The closed set of step kinds (DESIGN §4). A step's kind is the key that names it in YAML.</summary>
public enum StepKind
{
    Say,
    Ask,
    Action,
    Goto,
    End,
}
