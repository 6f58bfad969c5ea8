namespace BalanceBot.Core.Reminders;

public enum ReminderCommandKind
{
    Done,
    Snooze,
    Skip,
    Pause,
    Resume,
    Stop,
    Next,
    Stats,
    DayOff,
}
