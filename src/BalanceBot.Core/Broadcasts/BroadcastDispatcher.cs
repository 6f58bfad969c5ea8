using System.Collections.Concurrent;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BalanceBot.Core.Broadcasts;

/// <summary>
/// Sends the outbox (DESIGN §5): takes due entries a page at a time, marks each batch "sending" on disk just before
/// it goes, and records what happened. A failed send is retried with growing pauses; muted, left, unreachable, cancelled
/// and expired copies are never sent. Pacing under each platform's limits belongs to the channel senders.
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

    /// <summary>Copies in flight at once per channel (one batch); each goes to a different user.</summary>
    public const int SendConcurrency = 16;

    /// <summary>Sends per copy, counting the first, before it is reported as failed.</summary>
    public const int MaxAttempts = 3;

    /// <summary>The choice under every broadcast: one click and no more of them.</summary>
    public const string MuteChoiceId = "broadcast_mute";

    /// <summary>Under a campaign's messages, followed by the campaign id: leaves that campaign only.</summary>
    public const string LeaveCampaignChoicePrefix = "campaign_leave:";

    /// <summary>
    /// How often the composer's progress message is edited while a broadcast goes out: often enough to watch, rare
    /// enough that the edits (and the counting behind them) cost nothing against the platform's limits.
    /// </summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);

    /// <param name="stopping">Set when the app shuts down: the batch in flight is finished, no new one starts.</param>
    public async Task<DispatchSummary> RunOnceAsync(CancellationToken stopping)
    {
        var summary = new DispatchSummary();
        var broadcasts = new ConcurrentDictionary<string, Broadcast?>(StringComparer.Ordinal);
        var progress = new ConcurrentDictionary<string, ProgressMessage>(StringComparer.Ordinal);
        while (true)
        {
            // One lane per channel, each paging through its own due copies: one platform's pacing never holds up
            // the other's, and a broadcast to both finishes in the time of the slower one, not the sum.
            if (stopping.IsCancellationRequested)
            {
                return summary;
            }

            var channels = store.DueChannels(Instant.FromDateTimeOffset(time.GetUtcNow()));
            if (channels.Count == 0)
            {
                await ReportFinishedAsync(broadcasts.Keys, progress, stopping).ConfigureAwait(false);
                return summary;
            }

            await Task.WhenAll(channels.Select(channel => RunLaneAsync(channel + ":", broadcasts, progress, summary, stopping))).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One channel's copies, a batch at a time: the batch is marked "sending" in one write, sent concurrently, and
    /// its outcomes written in one more. A crash leaves at most one batch, the copies in flight, as "unknown".
    /// </summary>
    private async Task RunLaneAsync(
        string userKeyPrefix,
        ConcurrentDictionary<string, Broadcast?> broadcasts,
        ConcurrentDictionary<string, ProgressMessage> progress,
        DispatchSummary summary,
        CancellationToken stopping)
    {
        // A batch marked "sending" is always finished, stopping or not (the host's shutdown timeout caps it): a copy
        // cut off mid-send would be "unknown". Stopping only keeps the next batch from starting.
        while (!stopping.IsCancellationRequested)
        {
            var now = Instant.FromDateTimeOffset(time.GetUtcNow());
            var page = store.Due(now, PageSize, userKeyPrefix);
            if (page.Count == 0)
            {
                return;
            }

            foreach (var batch in page.Chunk(SendConcurrency).TakeWhile(_ => !stopping.IsCancellationRequested))
            {
                var outcomes = new List<OutboxEntry>(batch.Length);
                var sends = new List<(OutboxEntry Entry, Broadcast Broadcast, UserRecord User, ConversationAddress Address)>(batch.Length);
                foreach (var entry in batch)
                {
                    var broadcast = broadcasts.GetOrAdd(entry.BroadcastId, store.Find);
                    var (user, settled) = await SettleWithoutSendingAsync(entry, broadcast, now, CancellationToken.None).ConfigureAwait(false);
                    if (settled is not null)
                    {
                        outcomes.Add(settled);
                    }
                    else
                    {
                        sends.Add((entry, broadcast!, user!, user!.Address!));
                    }
                }

                // On disk before the sends: after a crash these copies are "unknown", never sent again and never forgotten.
                store.Update([.. sends.Select(s => s.Entry with { State = DeliveryState.Sending })]);
                outcomes.AddRange(await Task.WhenAll(sends.Select(s => SendAsync(s.Entry, s.Broadcast, s.User, s.Address, now, CancellationToken.None))).ConfigureAwait(false));
                store.Update(outcomes);
                foreach (var outcome in outcomes)
                {
                    summary.Count(outcome.State);
                }

                foreach (var broadcast in batch.Select(e => broadcasts[e.BroadcastId]).OfType<Broadcast>().Where(b => b.ComposedInChat).DistinctBy(b => b.Id))
                {
                    await ShowProgressAsync(broadcast, progress.GetOrAdd(broadcast.Id, _ => new ProgressMessage(broadcast.ProgressMessageId)), CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>
    /// Progress in the composer's chat (issue 7): after the first batch a message with sent/total, then that message
    /// edited at most every <see cref="ProgressInterval"/>. Its id is kept with the broadcast, so after a restart the
    /// same message goes on counting.
    /// </summary>
    private async Task ShowProgressAsync(Broadcast broadcast, ProgressMessage message, CancellationToken cancellationToken)
    {
        if (!message.Claim(time.GetUtcNow(), ProgressInterval)
            || await users.FindAsync(broadcast.CreatedBy, cancellationToken).ConfigureAwait(false) is not { Address: { } address })
        {
            return;
        }

        var text = Reply.Say(ProgressText(broadcast.Id, store.CountByState(broadcast.Id)));
        if (message.Id is { } id)
        {
            await sender.EditAsync(address, id, text, cancellationToken).ConfigureAwait(false);
        }
        else if (await sender.SendEditableAsync(address, text, cancellationToken).ConfigureAwait(false) is { } sentId)
        {
            message.Id = sentId;
            store.SetProgressMessage(broadcast.Id, sentId);
        }
    }

    /// <summary>
    /// The final report, once, to the wellness-team member who composed a broadcast in chat (API broadcasts have the
    /// status endpoint instead): the progress message shows the final counts, and a new message says it finished.
    /// </summary>
    private async Task ReportFinishedAsync(IEnumerable<string> touched, ConcurrentDictionary<string, ProgressMessage> progress, CancellationToken cancellationToken)
    {
        // Read again: the copies kept while sending predate the progress message and the report flag.
        foreach (var broadcast in touched.Select(store.Find).OfType<Broadcast>().Where(b => !b.Reported && b.ComposedInChat))
        {
            var counts = store.CountByState(broadcast.Id);
            if (counts.ContainsKey(DeliveryState.Queued) || counts.ContainsKey(DeliveryState.Sending)
                || await users.FindAsync(broadcast.CreatedBy, cancellationToken).ConfigureAwait(false) is not { Address: { } address }
                || !store.MarkReported(broadcast.Id))
            {
                continue;
            }

            if ((progress.GetValueOrDefault(broadcast.Id)?.Id ?? broadcast.ProgressMessageId) is { } progressId)
            {
                await sender.EditAsync(address, progressId, Reply.Say(ProgressText(broadcast.Id, counts)), cancellationToken).ConfigureAwait(false);
            }

            await sender.SendAsync(address, [Reply.Say($"Your broadcast {broadcast.Id} has finished: {CountsText(counts)} (of {counts.Values.Sum()}).")], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>"Broadcast b1 is going out: 16 of 40 sent (2 muted)", or "… has gone out: …" once nothing is waiting.</summary>
    public static string ProgressText(string broadcastId, IReadOnlyDictionary<DeliveryState, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var waiting = counts.GetValueOrDefault(DeliveryState.Queued) + counts.GetValueOrDefault(DeliveryState.Sending);
        var others = counts.Where(c => c.Key is not (DeliveryState.Sent or DeliveryState.Queued or DeliveryState.Sending)).ToDictionary();
        var text = $"Broadcast {broadcastId} {(waiting > 0 ? "is going out" : "has gone out")}: {counts.GetValueOrDefault(DeliveryState.Sent)} of {counts.Values.Sum()} sent";
        return others.Count == 0 ? text + "." : $"{text} ({CountsText(others)}).";
    }

    private static string CountsText(IReadOnlyDictionary<DeliveryState, int> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Value} {c.Key.ToString().ToLowerInvariant()}"));

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

    /// <summary>The final state of a copy that must not be sent (cancelled, expired, unreachable, muted, left), or the user to send to.</summary>
    private async Task<(UserRecord? User, OutboxEntry? Settled)> SettleWithoutSendingAsync(OutboxEntry entry, Broadcast? broadcast, Instant now, CancellationToken cancellationToken)
    {
        if (broadcast is null || broadcast.Cancelled)
        {
            return (null, entry with { State = DeliveryState.Cancelled });
        }

        if (entry.ExpiresUtc is { } expires && expires <= now)
        {
            return (null, entry with { State = DeliveryState.Expired });
        }

        // Checked again at send time: the user may have muted, left, or forgotten us since the broadcast was planned.
        var user = await users.FindAsync(entry.UserKey, cancellationToken).ConfigureAwait(false);
        if (user?.Address is null)
        {
            return (null, entry with { State = DeliveryState.Unreachable });
        }

        if (BroadcastPlanner.IsMuted(user))
        {
            return (null, entry with { State = DeliveryState.Muted });
        }

        return BroadcastPlanner.HasLeft(user, broadcast.CampaignId) ? (null, entry with { State = DeliveryState.Left }) : (user, null);
    }

    private async Task<OutboxEntry> SendAsync(OutboxEntry entry, Broadcast broadcast, UserRecord user, ConversationAddress address, Instant now, CancellationToken cancellationToken)
    {
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

/// <summary>One broadcast's progress message during a run: its id once sent, and when it was last shown.</summary>
internal sealed class ProgressMessage(string? id)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _shown;

    public string? Id { get; set; } = id;

    /// <summary>True for the one caller that may show progress now; lanes of other channels then wait their turn.</summary>
    public bool Claim(DateTimeOffset now, TimeSpan interval)
    {
        lock (_gate)
        {
            if (_shown is { } shown && now - shown < interval)
            {
                return false;
            }

            _shown = now;
            return true;
        }
    }
}

/// <summary>What one dispatcher run did, by final state of each copy it handled.</summary>
public sealed class DispatchSummary
{
    private readonly ConcurrentDictionary<DeliveryState, int> _counts = new();

    public int this[DeliveryState state] => _counts.GetValueOrDefault(state);

    public int Total => _counts.Values.Sum();

    internal void Count(DeliveryState state) => _counts.AddOrUpdate(state, 1, (_, n) => n + 1);
}
