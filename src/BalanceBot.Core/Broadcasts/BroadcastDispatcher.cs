using System.Collections.Concurrent;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BalanceBot.Core.Broadcasts;

/// <summary>
/// Sends the outbox (DESIGN §5): claims due entries a page at a time, each marked "sending" on disk before it goes,
/// and records what happened. A failed send is retried with growing pauses; muted, unreachable, cancelled and
/// expired copies are never sent. Pacing under each platform's limits belongs to the channel senders.
/// </summary>
public sealed partial class BroadcastDispatcher(
    IBroadcastStore store,
    IUserStore users,
    IProactiveSender sender,
    DialogCatalog catalog,
    SafetyContactDirectory safetyContacts,
    TimeProvider time,
    ILogger<BroadcastDispatcher> logger)
{
    public const int PageSize = 200;

    /// <summary>Copies in flight at once per channel; each goes to a different user.</summary>
    public const int SendConcurrency = 16;

    /// <summary>Sends per copy, counting the first, before it is reported as failed.</summary>
    public const int MaxAttempts = 3;

    /// <summary>The choice under every broadcast: one click and no more of them.</summary>
    public const string MuteChoiceId = "broadcast_mute";

    /// <summary>Under a campaign's messages, followed by the campaign id: leaves that campaign only.</summary>
    public const string LeaveCampaignChoicePrefix = "campaign_leave:";

    public async Task<DispatchSummary> RunOnceAsync(CancellationToken cancellationToken)
    {
        var summary = new DispatchSummary();
        var broadcasts = new ConcurrentDictionary<string, Broadcast?>(StringComparer.Ordinal);
        while (true)
        {
            var now = Instant.FromDateTimeOffset(time.GetUtcNow());
            var page = store.ClaimDue(now, PageSize);

            // One lane per channel: copies held back by one platform's pacing must not keep the other's waiting.
            await Task.WhenAll(page.GroupBy(e => Channel(e.UserKey)).Select(lane => Parallel.ForEachAsync(
                lane,
                new ParallelOptions { MaxDegreeOfParallelism = SendConcurrency, CancellationToken = cancellationToken },
                async (entry, token) =>
                {
                    var broadcast = broadcasts.GetOrAdd(entry.BroadcastId, store.Find);
                    var outcome = await DeliverAsync(entry, broadcast, now, token).ConfigureAwait(false);
                    store.Update(outcome);
                    summary.Count(outcome.State);
                }))).ConfigureAwait(false);

            if (page.Count < PageSize)
            {
                return summary;
            }
        }
    }

    /// <summary>The channel part of a channel-qualified key (<c>msteams</c> of <c>msteams:29:…</c>).</summary>
    private static string Channel(string userKey) => userKey.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? userKey[..colon] : userKey;

    /// <summary>Called once at start-up, before the first run: what was in flight at a crash is unknown, not resent.</summary>
    public int RecoverAfterRestart()
    {
        var unknown = store.MarkInFlightUnknown();
        if (unknown > 0)
        {
            LogRecovered(unknown);
        }

        return unknown;
    }

    /// <summary>The message: the text, the exercise if any, and the one-click mute.</summary>
    public Reply Message(Broadcast broadcast, UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        var text = broadcast.Text;
        if (broadcast.ExerciseId is { } id && catalog.Exercises.Find(id) is { } exercise)
        {
            var contacts = safetyContacts.For(user);
            text += "\n\n" + Placeholders.Fill(Exercises.ExerciseText.Render(exercise, catalog.Exercises), name => name == "emergency_number" ? contacts.Emergency : null);
        }

        IReadOnlyList<ReplyChoice> choices = broadcast.CampaignId is { } campaign
            ? [new ReplyChoice(LeaveCampaignChoicePrefix + campaign, "Leave this campaign"), new ReplyChoice(MuteChoiceId, "Mute all wellness messages")]
            : [new ReplyChoice(MuteChoiceId, "Mute these messages")];
        return new Reply(text, choices, ExpectsInput: false);
    }

    private async Task<OutboxEntry> DeliverAsync(OutboxEntry entry, Broadcast? broadcast, Instant now, CancellationToken cancellationToken)
    {
        if (broadcast is null || broadcast.Cancelled)
        {
            return entry with { State = DeliveryState.Cancelled };
        }

        if (entry.ExpiresUtc is { } expires && expires <= now)
        {
            return entry with { State = DeliveryState.Expired };
        }

        // Checked again at send time: the user may have muted, or forgotten us, since the broadcast was planned.
        var user = await users.FindAsync(entry.UserKey, cancellationToken).ConfigureAwait(false);
        if (user?.Address is not { } address)
        {
            return entry with { State = DeliveryState.Unreachable };
        }

        if (BroadcastPlanner.IsMuted(user))
        {
            return entry with { State = DeliveryState.Muted };
        }

        if (BroadcastPlanner.HasLeft(user, broadcast.CampaignId))
        {
            return entry with { State = DeliveryState.Left };
        }

        var attempts = entry.Attempts + 1;
        var result = await sender.SendAsync(address, [Message(broadcast, user)], cancellationToken).ConfigureAwait(false);
        switch (result)
        {
            case DeliveryResult.Delivered:
                return entry with { State = DeliveryState.Sent, Attempts = attempts };
            case DeliveryResult.Unreachable:
                return entry with { State = DeliveryState.Unreachable, Attempts = attempts };
            case DeliveryResult.Failed when attempts < MaxAttempts:
                // The channel already retried what it could (Retry-After included); wait longer before the next try.
                LogRetry(entry.BroadcastId, entry.UserKey, attempts);
                return entry with { State = DeliveryState.Queued, Attempts = attempts, DueUtc = now + Duration.FromMinutes(attempts * attempts) };
            default:
                LogFailed(entry.BroadcastId, entry.UserKey, attempts);
                return entry with { State = DeliveryState.Failed, Attempts = attempts };
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "After a restart, {Count} broadcast copies that were being sent are reported as unknown, not resent")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} to {UserKey} failed (attempt {Attempt}); it will be retried")]
    private partial void LogRetry(string broadcastId, string userKey, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId} to {UserKey} failed after {Attempts} attempts")]
    private partial void LogFailed(string broadcastId, string userKey, int attempts);
}

/// <summary>What one dispatcher run did, by final state of each copy it handled.</summary>
public sealed class DispatchSummary
{
    private readonly ConcurrentDictionary<DeliveryState, int> _counts = new();

    public int this[DeliveryState state] => _counts.GetValueOrDefault(state);

    public int Total => _counts.Values.Sum();

    internal void Count(DeliveryState state) => _counts.AddOrUpdate(state, 1, (_, n) => n + 1);
}
