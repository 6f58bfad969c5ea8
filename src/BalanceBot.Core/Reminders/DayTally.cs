namespace BalanceBot.Core.Reminders;

/// <summary>Prompts sent, done and skipped on one local date.</summary>
/// <param name="Sent">Prompts the sweep sent that day (a rare failed delivery included).</param>
public readonly record struct DayTally(int Done, int Skipped, int Sent = 0);
