using NodaTime;

namespace BalanceBot.Core.Reminders;

/// <summary>Reminder subscriptions, with an index on when they are next due.</summary>
public interface IReminderStore
{
    ValueTask<ReminderSubscription?> FindAsync(string userKey, CancellationToken cancellationToken);

    ValueTask SaveAsync(ReminderSubscription subscription, CancellationToken cancellationToken);

    ValueTask DeleteAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>Every subscription, streamed (for aggregate statistics).</summary>
    IEnumerable<ReminderSubscription> All();

    /// <summary>
    /// Claims up to <paramref name="pageSize"/> subscriptions due at or before <paramref name="now"/>: for each,
    /// <paramref name="advance"/> moves it on (a new <see cref="ReminderSubscription.NextDueUtc"/>) and says whether
    /// to send. All changes of the page are written in one transaction <b>before</b> anything is sent, so a crash can
    /// lose a prompt but never send one twice. Synchronous on purpose: no await inside a LiteDB transaction.
    /// </summary>
    /// <param name="userKeyPrefix">Claim only users whose channel-qualified key starts with this (e.g. <c>console:</c>).</param>
    IReadOnlyList<ReminderSubscription> ClaimDue(Instant now, int pageSize, Func<ReminderSubscription, bool> advance, string? userKeyPrefix = null);
}
