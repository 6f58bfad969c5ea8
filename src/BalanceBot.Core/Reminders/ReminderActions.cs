using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Reminders;

/// <summary>The reminder setup actions, for <see cref="BuiltInActions"/>.</summary>
public static class ReminderActions
{
    public static IReadOnlyList<IDialogAction> Create() =>        
    [
        new TimeZoneCheckAction(),
        new SetTimeZoneAction(),
        new SaveRemindersAction(),
        new StopRemindersAction(),
        new TimeZoneChangeCheckAction(),
        new ApplyTimeZoneChangeAction(),
        new DeclineTimeZoneChangeAction(),
        new ReadWorkingDaysAction(),
    ];
}
