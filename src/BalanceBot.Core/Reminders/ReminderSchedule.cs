using NodaTime;

namespace BalanceBot.Core.Reminders;

/// <summary>
/// When someone wants movement prompts, in their own local time (DESIGN §5). Slots are anchored on the local start
/// of each working day (09:00, 10:00, ... before <see cref="End"/>), never "last prompt + interval" in UTC.
/// </summary>
public sealed record ReminderSchedule
{
    /// <summary>wellness-peers.md §4: one 2-3 minute prompt an hour, at most 8 a day, Monday to Friday 09:00-17:00.</summary>
    public static ReminderSchedule Default(string timeZoneId) => new()
    {
        TimeZoneId = timeZoneId,
        Days = new HashSet<IsoDayOfWeek> { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday },
        Start = new LocalTime(9, 0),
        End = new LocalTime(17, 0),
        IntervalMinutes = 60,
    };

    /// <summary>A canonical IANA id (see <see cref="TimeZoneIds"/>).</summary>
    public required string TimeZoneId { get; init; }

    /// <summary>Local working days.</summary>
    public required IReadOnlySet<IsoDayOfWeek> Days { get; init; }

    /// <summary>The first slot of a working day, local time.</summary>
    public required LocalTime Start { get; init; }

    /// <summary>No slot at or after this local time.</summary>
    public required LocalTime End { get; init; }

    public required int IntervalMinutes { get; init; }

    public int MaxPerDay { get; init; } = 8;

    /// <summary>A local window inside the day without prompts (lunch, a standing meeting); null for none.</summary>
    public LocalTime? QuietStart { get; init; }

    public LocalTime? QuietEnd { get; init; }

    /// <summary>Local dates without prompts (holidays, leave).</summary>
    public IReadOnlySet<LocalDate> DaysOff { get; init; } = new HashSet<LocalDate>();

    /// <summary>What is wrong with this schedule, if anything, in words for the user.</summary>
    public IEnumerable<string> Problems()
    {
        if (Start >= End)
        {
            yield return "the working day must start before it ends (prompts never run overnight)";
        }

        if (IntervalMinutes is < 15 or > 480)
        {
            yield return "the interval must be between 15 minutes and 8 hours";
        }

        if (MaxPerDay is < 1 or > 16)
        {
            yield return "between 1 and 16 prompts a day";
        }

        if (Days.Count == 0)
        {
            yield return "at least one working day";
        }

        if ((QuietStart is null) != (QuietEnd is null) || QuietStart >= QuietEnd)
        {
            yield return "quiet hours need a start before their end";
        }

        if (TimeZoneIds.Canonicalize(TimeZoneId) != TimeZoneId)
        {
            yield return $"'{TimeZoneId}' is not a canonical time zone id";
        }
    }
}
