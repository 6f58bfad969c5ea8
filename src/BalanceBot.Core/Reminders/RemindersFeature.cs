using BalanceBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceBot.Core.Reminders;

/// <summary>What the reminders feature adds to conversations: setting reminders up, time zones, and its commands.</summary>
public static class RemindersFeature
{
    public static IServiceCollection AddRemindersFeature(this IServiceCollection services) => services
        .AddDialogAction<TimeZoneCheckAction>()
        .AddDialogAction<SetTimeZoneAction>()
        .AddDialogAction<SaveRemindersAction>()
        .AddDialogAction<StopRemindersAction>()
        .AddDialogAction<TimeZoneChangeCheckAction>()
        .AddDialogAction<ApplyTimeZoneChangeAction>()
        .AddDialogAction<DeclineTimeZoneChangeAction>()
        .AddDialogAction<ReadWorkingDaysAction>()
        .AddTurnHandler<ReminderCommandTurnHandler>()
        .AddTurnHandler<ReportedTimeZoneTurnHandler>()
        .AddTurnHandler<TimeZoneChangedTurnHandler>()
        .AddTurnHandler<RemovedTurnHandler>();
}
