namespace BalanceBot.Core.Checkup;

/// <summary>All that is kept of a check-up, and only when the user says yes (issue 3): where, how urgent, when.</summary>
public sealed record CheckupRecord(string Area, TriageLevel Level, DateOnly Date);
