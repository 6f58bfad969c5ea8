namespace BalanceBot.Core.Conversations;

public enum AskKind
{
    Choice,
    Confirm,
    Number,
    Text,
    Time,
}
