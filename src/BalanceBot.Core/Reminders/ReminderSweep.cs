using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Users;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BalanceBot.Core.Reminders;

/// <summary>
/// One pass over due reminders (scheduling-storage.md §7): claim a page, move each subscription on and decide in
/// one transaction, then send. Slots older than the grace period are skipped, so downtime never ends in a burst.
/// </summary>
public sealed partial class ReminderSweep(
    IReminderStore reminders,
    IUserStore users,
    IProactiveSender sender,
    DialogCatalog catalog,
    SafetyContactDirectory safetyContacts,
    TimeProvider time,
    ILogger<ReminderSweep> logger)
{
    /// <summary>A prompt later than this is not sent at all (issue 4: about 10 minutes).</summary>
    public static readonly Duration Grace = Duration.FromMinutes(10);

    public const int PageSize = 500;

    /// <summary>Prompts of one page in flight at once.</summary>
    public const int SendConcurrency = 8;

    /// <summary>Prompts sent without an answer before the day's frequency is halved.</summary>
    public const int UnansweredBeforeBackoff = 4;

    /// <param name="userKeyPrefix">Sweep only the users of one channel (the terminal chat sweeps only <c>console:</c>).</param>
    /// <param name="stopping">Set when the app shuts down: prompts already claimed are sent, no new page is claimed.</param>
    public async Task<SweepSummary> RunOnceAsync(CancellationToken stopping, string? userKeyPrefix = null)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var summary = new SweepSummary();
        while (!stopping.IsCancellationRequested)
        {
            // A page is full when it claimed PageSize subscriptions, whether or not any of them is sent: a page of
            // stale slots after downtime must not end the sweep before the fresh ones behind it.
            var claimed = 0;
            var due = reminders.ClaimDue(now, PageSize, subscription =>
            {
                claimed++;
                return Advance(subscription, now, summary);
            }, userKeyPrefix);
            // Each prompt goes to a different user's conversation, so a page is sent a few at a time; per-platform
            // pacing belongs to the channel clients (DESIGN §5).
            // Claimed prompts are sent even while stopping: cut off now, they would be lost (at most once).
            await Parallel.ForEachAsync(
                due,
                new ParallelOptions { MaxDegreeOfParallelism = SendConcurrency },
                async (subscription, token) => await SendAsync(subscription, summary, token).ConfigureAwait(false)).ConfigureAwait(false);

            if (claimed < PageSize)
            {
                return summary;
            }
        }

        return summary;
    }

    /// <summary>Runs inside the store's transaction: decides, and moves the subscription to its next slot.</summary>
    private bool Advance(ReminderSubscription subscription, Instant now, SweepSummary summary)
    {
        var wasDue = subscription.NextDueUtc;
        var send = !subscription.Unreachable && wasDue is { } due && due >= now - Grace;
        if (send)
        {
            subscription.LastPromptUtc = wasDue;
            subscription.UnansweredInARow++;
            var today = now.InZone(TimeZoneIds.Zone(subscription.Schedule.TimeZoneId)).Date;
            subscription.CountSent(today);
            if (subscription.UnansweredInARow >= UnansweredBeforeBackoff && subscription.BackedOffOn != today)
            {
                // Never nag more when ignored: half as often for the rest of the local day, and say so once.
                subscription.BackedOffOn = today;
                subscription.AskAboutSchedule = true;
            }

            var exercise = catalog.Exercises.Next(subscription.FocusArea, subscription.LastExerciseId);
            subscription.LastExerciseId = exercise?.Id;
        }
        else
        {
            summary.CountSkipped();
        }

        subscription.Reschedule(now);
        return send;
    }

    private async Task SendAsync(ReminderSubscription subscription, SweepSummary summary, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(subscription.UserKey, cancellationToken).ConfigureAwait(false);
        var exercise = subscription.LastExerciseId is { } id ? catalog.Exercises.Find(id) : null;
        if (user?.Address is not { } address || exercise is null)
        {
            summary.CountFailed();
            return;
        }

        var contacts = safetyContacts.For(user);
        var prompt = ReminderPrompt.For(exercise, catalog.Exercises, name => name == "emergency_number" ? contacts.Emergency : null);
        IReadOnlyList<Reply> replies = subscription.AskAboutSchedule ? [ReminderPrompt.BackoffQuestion, prompt] : [prompt];
        var result = await sender.SendAsync(address, replies, cancellationToken).ConfigureAwait(false);
        switch (result)
        {
            case DeliveryResult.Delivered:
                summary.CountSent();
                break;
            case DeliveryResult.Unreachable:
                summary.CountUnreachable();
                subscription.Unreachable = true;
                subscription.NextDueUtc = null;
                await reminders.SaveAsync(subscription, cancellationToken).ConfigureAwait(false);
                LogUnreachable(subscription.UserKey);
                break;
            default:
                summary.CountFailed();
                LogFailed(subscription.UserKey);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders stopped for {UserKey}: the channel says the bot can no longer reach them")]
    private partial void LogUnreachable(string userKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reminder to {UserKey} could not be delivered; it is not resent")]
    private partial void LogFailed(string userKey);
}
