namespace BalanceBot.Core.Conversations;

/// <summary>Words that work at any step, before the current question gets to read the answer.</summary>
public enum GlobalCommand
{
    None,
    Help,
    Cancel,
    StartOver,
    Menu,
}
