namespace BalanceBot.Core.Conversations;

/// <param name="IsStepReference">The value names a step of the calling dialog; the validator checks it resolves.</param>
public sealed record DialogActionParameter(string Name, bool Required, bool IsStepReference = false);
