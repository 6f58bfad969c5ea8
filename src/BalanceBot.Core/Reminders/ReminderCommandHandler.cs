using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace BalanceBot.Core.Reminders;

/// <summary>Carries out a reminder command on the user's subscription and says what happened.</summary>
public sealed class ReminderCommandHandler(IReminderStore reminders, DateTimeOffset nowOffset)
{
    private static readonly LocalDateTimePattern WhenPattern = LocalDateTimePattern.CreateWithInvariantCulture("ddd d MMM 'at' HH:mm");

    private readonly Instant _now = Instant.FromDateTimeOffset(nowOffset);

    public const string NotSubscribed = "You don't have movement reminders yet. Type \"reminders\" to set them up.";

    public async Task<string> HandleAsync(string userKey, ReminderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var subscription = await reminders.FindAsync(userKey, cancellationToken).ConfigureAwait(false);
        if (subscription is null)
        {
            return NotSubscribed;
        }

        var zone = TimeZoneIds.Zone(subscription.Schedule.TimeZoneId);
        var today = _now.InZone(zone).Date;
        string said;
        switch (command.Kind)
        {
            case ReminderCommandKind.Done:
                subscription.UnansweredInARow = 0;
                subscription.Count(today, done: true);
                said = "Nice work! Every break counts.";
                break;
            case ReminderCommandKind.Skip:
                subscription.UnansweredInARow = 0;
                subscription.Count(today, done: false);
                said = "Skipped. No problem.";
                break;
            case ReminderCommandKind.Snooze when !PromptWaiting(subscription):
                // Snoozing moves the prompt in front of the user; with none there, moving the next slot would
                // silently drop it (issue 23), so nothing changes and the user learns when the next one comes.
                return subscription.NextDueUtc is null
                    ? "Nothing is due now, so there is nothing to snooze, and no reminder is coming up."
                    : $"Nothing is due now, so there is nothing to snooze. Your next reminder is {When(subscription, zone)}.";
            case ReminderCommandKind.Snooze:
                subscription.UnansweredInARow = 0;
                subscription.NextDueUtc = ReminderPlanner.Snooze(subscription.Schedule, _now, command.Minutes!.Value);
                await reminders.SaveAsync(subscription, cancellationToken).ConfigureAwait(false);
                return $"Snoozed. I'll remind you {When(subscription, zone)}.";
            case ReminderCommandKind.Pause:
                subscription.PausedUntilUtc = PauseEnd(command, zone, today);
                said = $"Paused until {WhenPattern.Format(subscription.PausedUntilUtc!.Value.InZone(zone).LocalDateTime)}. Reminders come back by themselves; type \"resume\" to have them back sooner.";
                break;
            case ReminderCommandKind.DayOff:
                var off = command.UntilDay is { } weekday ? today.Next(weekday) : command.UntilTomorrow ? today.PlusDays(1) : today;
                subscription.Schedule = subscription.Schedule with
                {
                    // Past days off are dropped as new ones are added, so the list stays short.
                    DaysOff = subscription.Schedule.DaysOff.Where(d => d >= today).Append(off).ToHashSet(),
                };
                said = $"Enjoy your day off: no prompts on {off.ToString("dddd d MMMM", CultureInfo.InvariantCulture)}.";
                break;
            case ReminderCommandKind.Resume:
                subscription.PausedUntilUtc = null;
                subscription.Unreachable = false;
                said = "Reminders are back on.";
                break;
            case ReminderCommandKind.Next:
                return subscription.NextDueUtc is null ? "No reminder is coming up. Type \"resume\" or \"reminders\" to set them up again." : $"Your next movement prompt comes {When(subscription, zone)}.";
            case ReminderCommandKind.Stats:
                var stats = ReminderStats.For(subscription, today);
                return string.Create(CultureInfo.InvariantCulture,
                    $"This week: {stats.DoneThisWeek} done, {stats.SkippedThisWeek} skipped. Streak: {Days(stats.CurrentStreak)} in a row with at least one done (best: {Days(stats.BestStreak)}).");
            default:
                return NotSubscribed;
        }

        // Preference changes take effect at once: the next slot is recomputed now (issue 4).
        if (command.Kind != ReminderCommandKind.Done && command.Kind != ReminderCommandKind.Skip)
        {
            subscription.Reschedule(_now);
        }

        await reminders.SaveAsync(subscription, cancellationToken).ConfigureAwait(false);
        return command.Kind is ReminderCommandKind.Done or ReminderCommandKind.Skip || subscription.NextDueUtc is null
            ? said
            : $"{said} Next one {When(subscription, zone)}.";
    }

    /// <summary>
    /// Whether a typed "done" or "skip" can be meant for a reminder: one was sent and is still unanswered. Without one
    /// the words are small talk (issue 16), not a count of a break nobody was prompted for.
    /// </summary>
    public async Task<bool> PromptWaitingAsync(string userKey, CancellationToken cancellationToken) =>
        await reminders.FindAsync(userKey, cancellationToken).ConfigureAwait(false) is { } subscription && PromptWaiting(subscription);

    // A prompt went out and has had no answer yet, within its own interval (after that the next one is on its way).
    private bool PromptWaiting(ReminderSubscription subscription) =>
        subscription.LastPromptUtc is { } prompted
        && subscription.UnansweredInARow > 0
        && _now - prompted < Duration.FromMinutes(subscription.Schedule.IntervalMinutes);

    private static string Days(int count) => count switch
    {
        0 => "no working days",
        1 => "1 working day",
        _ => string.Create(CultureInfo.InvariantCulture, $"{count} working days"),
    };

    private Instant PauseEnd(ReminderCommand command, DateTimeZone zone, LocalDate today)
    {
        if (command.Minutes is { } minutes)
        {
            return _now + Duration.FromMinutes(minutes);
        }

        var resumeOn = command.UntilDay is { } day ? today.Next(day) : today.PlusDays(1);
        return zone.AtStartOfDay(resumeOn).ToInstant();
    }

    private static string When(ReminderSubscription subscription, DateTimeZone zone) =>
        subscription.NextDueUtc is { } due ? $"on {WhenPattern.Format(due.InZone(zone).LocalDateTime)} ({zone.Id})" : "no more today";
}
