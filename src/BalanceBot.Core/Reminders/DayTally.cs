namespace BalanceBot.Core.Reminders;

/// <summary>Prompts done and skipped on one local date.</summary>
public readonly record struct DayTally(int Done, int Skipped);
