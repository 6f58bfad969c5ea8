using NodaTime;

namespace BalanceBot.Core.Reminders;

/// <summary>One user's movement reminders: the schedule and where it stands (DESIGN §5: schedules are data).</summary>
public sealed class ReminderSubscription
{
    public required string UserKey { get; init; }

    public required ReminderSchedule Schedule { get; set; }

    /// <summary>When the next prompt is due; null when none is (stopped, unreachable, or no working day).</summary>
    public Instant? NextDueUtc { get; set; }

    public Instant? PausedUntilUtc { get; set; }

    /// <summary>The slot of the last prompt claimed for sending, recorded in the claim's transaction before the send.</summary>
    public Instant? LastPromptUtc { get; set; }

    /// <summary>Prompts sent in a row with no answer; four in a row halve the frequency for the day.</summary>
    public int UnansweredInARow { get; set; }

    /// <summary>The local date on which prompts come half as often.</summary>
    public LocalDate? BackedOffOn { get; set; }

    /// <summary>Set with a new backoff: the next prompt asks whether the schedule suits. Not persisted.</summary>
    public bool AskAboutSchedule { get; set; }

    /// <summary>The user blocked the bot or uninstalled it: the sweep no longer picks them.</summary>
    public bool Unreachable { get; set; }

    public string? LastExerciseId { get; set; }

    /// <summary>The body area prompts' exercises are chosen for (from setup, or the last check-up the user kept); null for any.</summary>
    public string? FocusArea { get; set; }

    /// <summary>Prompts done and skipped per local date (recent weeks only), for "my stats".</summary>
    public Dictionary<LocalDate, DayTally> Tally { get; init; } = [];

    /// <summary>How many days of tallies are kept.</summary>
    public const int TallyDays = 120;

    public void Count(LocalDate date, bool done)
    {
        var day = Tally.GetValueOrDefault(date);
        Tally[date] = done ? day with { Done = day.Done + 1 } : day with { Skipped = day.Skipped + 1 };
        ForgetOldTallies(date);
    }

    /// <summary>A prompt went out on <paramref name="date"/> (the programme statistics' "prompts sent").</summary>
    public void CountSent(LocalDate date)
    {
        var day = Tally.GetValueOrDefault(date);
        Tally[date] = day with { Sent = day.Sent + 1 };
        ForgetOldTallies(date);
    }

    private void ForgetOldTallies(LocalDate date)
    {
        foreach (var old in Tally.Keys.Where(d => d < date.PlusDays(-TallyDays)).ToList())
        {
            Tally.Remove(old);
        }
    }

    /// <summary>Recomputes <see cref="NextDueUtc"/> from the schedule after <paramref name="now"/>.</summary>
    public void Reschedule(Instant now) =>
        NextDueUtc = Unreachable ? null : ReminderPlanner.NextDue(Schedule, now, PausedUntilUtc, BackedOffOn);
}
