using NodaTime;

namespace BalanceBot.Core.Reminders;

/// <summary>"my stats": this week's done and skipped prompts, and streaks of working days with at least one done.</summary>
public sealed record ReminderStats(int DoneThisWeek, int SkippedThisWeek, int CurrentStreak, int BestStreak)
{
    public static ReminderStats For(ReminderSubscription subscription, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var monday = today.PlusDays(-((int)today.DayOfWeek - 1));
        var week = subscription.Tally.Where(t => t.Key >= monday && t.Key <= today).Select(t => t.Value).ToList();

        // Streaks count working days only: a weekend without prompts does not break one.
        var workingDays = subscription.Tally.Keys.Append(today).Distinct().Order()
            .Where(d => subscription.Schedule.Days.Contains(d.DayOfWeek) && !subscription.Schedule.DaysOff.Contains(d))
            .ToList();
        int best = 0, run = 0;
        foreach (var day in AllWorkingDays(subscription.Schedule, workingDays.FirstOrDefault(), today))
        {
            var done = subscription.Tally.GetValueOrDefault(day).Done > 0;
            run = done ? run + 1 : (day == today ? run : 0);
            best = Math.Max(best, run);
        }

        return new ReminderStats(week.Sum(d => d.Done), week.Sum(d => d.Skipped), run, best);
    }

    private static IEnumerable<LocalDate> AllWorkingDays(ReminderSchedule schedule, LocalDate from, LocalDate to)
    {
        if (from == default)
        {
            yield break;
        }

        for (var day = from; day <= to; day = day.PlusDays(1))
        {
            if (schedule.Days.Contains(day.DayOfWeek) && !schedule.DaysOff.Contains(day))
            {
                yield return day;
            }
        }
    }
}
