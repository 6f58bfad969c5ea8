using NodaTime;
using NodaTime.TimeZones;

namespace BalanceBot.Core.Reminders;

/// <summary>
/// Pure schedule maths: when the next prompt is due (scheduling-storage.md §5 and §7). Slots are local times
/// resolved in the user's zone with the lenient resolver: a slot in a spring-forward gap moves forward by the gap,
/// a slot in a fall-back overlap takes the earlier instant. Nothing here reads a clock.
/// </summary>
public static class ReminderPlanner
{
    // Far enough to pass a long holiday; a schedule with no working day in this window has no next slot.
    private const int DaysAhead = 400;

    /// <summary>
    /// The first slot strictly after <paramref name="after"/> and not before <paramref name="pausedUntil"/>, or
    /// null when there is none. On <paramref name="backedOffOn"/> (a local date) the interval is doubled: the gentle
    /// backoff after unanswered prompts (issue 4).
    /// </summary>
    public static Instant? NextDue(ReminderSchedule schedule, Instant after, Instant? pausedUntil = null, LocalDate? backedOffOn = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = TimeZoneIds.Zone(schedule.TimeZoneId);
        var from = pausedUntil is { } paused && paused > after ? paused - Duration.Epsilon : after;
        var firstDate = from.InZone(zone).Date;
        for (var day = 0; day < DaysAhead; day++)
        {
            var date = firstDate.PlusDays(day);
            foreach (var slot in SlotsOn(schedule, zone, date, backedOffOn == date))
            {
                if (slot > from)
                {
                    return slot;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A snooze: <paramref name="minutes"/> from <paramref name="now"/>, unless that falls outside working time, in
    /// which case the prompt comes at the next working slot instead (never in the evening or at night).
    /// </summary>
    public static Instant? Snooze(ReminderSchedule schedule, Instant now, int minutes)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = TimeZoneIds.Zone(schedule.TimeZoneId);
        var wanted = now + Duration.FromMinutes(minutes);
        var local = wanted.InZone(zone);
        return IsWorkingTime(schedule, local.Date, local.TimeOfDay) ? wanted : NextDue(schedule, wanted);
    }

    /// <summary>The slots of one local date, in order (empty on days off and non-working days).</summary>
    public static IEnumerable<Instant> SlotsOn(ReminderSchedule schedule, DateTimeZone zone, LocalDate date, bool backedOff = false)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (!schedule.Days.Contains(date.DayOfWeek) || schedule.DaysOff.Contains(date))
        {
            yield break;
        }

        var interval = schedule.IntervalMinutes * (backedOff ? 2 : 1);
        var count = 0;
        for (var time = schedule.Start; time < schedule.End && count < schedule.MaxPerDay;)
        {
            if (!InQuietHours(schedule, time))
            {
                count++;
                yield return zone.ResolveLocal(date + time, Resolvers.LenientResolver).ToInstant();
            }

            var next = time.PlusMinutes(interval);
            if (next <= time)
            {
                yield break; // wrapped past midnight
            }

            time = next;
        }
    }

    private static bool IsWorkingTime(ReminderSchedule schedule, LocalDate date, LocalTime time) =>
        schedule.Days.Contains(date.DayOfWeek) && !schedule.DaysOff.Contains(date)
        && time >= schedule.Start && time < schedule.End && !InQuietHours(schedule, time);

    private static bool InQuietHours(ReminderSchedule schedule, LocalTime time) =>
        schedule.QuietStart is { } quietStart && schedule.QuietEnd is { } quietEnd && time >= quietStart && time < quietEnd;
}
