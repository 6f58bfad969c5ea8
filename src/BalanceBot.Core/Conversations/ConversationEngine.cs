using BalanceBot.Core.Checkup;
using BalanceBot.Core.Users;
using Microsoft.Extensions.Logging;

namespace BalanceBot.Core.Conversations;

/// <summary>
/// Runs one turn (DESIGN §3): serialise per conversation, drop a redelivered activity, load state, handle global
/// interruptions, advance the dialog, save once, and hand back neutral replies for the channel to render.
/// </summary>
public sealed partial class ConversationEngine(
    DialogCatalog catalog,
    DialogActionSet actions,
    IEnumerable<ITurnHandler> handlers,
    IConversationStateStore states,
    IUserStore users,
    SafetyContactDirectory safetyContacts,
    TimeProvider time,
    ILogger<ConversationEngine> logger,
    IUserDataEraser? eraser = null,
    TurnRateLimiter? turnLimit = null)
{
    private readonly ConversationLocks _locks = new();
    private readonly Dictionary<string, IDialogAction> _actions = actions.Actions.ToDictionary(a => a.Name, StringComparer.Ordinal);

    // By stage, then by each handler's order; OrderBy is stable, so ties keep registration order.
    private readonly ITurnHandler[] _handlers = [.. handlers.OrderBy(h => h.Stage).ThenBy(h => h.Order)];

    public async Task<IReadOnlyList<Reply>> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);

        // Past the per-user limit a turn is not run at all, except one that mentions an emergency or a crisis: safety
        // comes before any limit (triage.md §4.1).
        if (turnLimit?.Admit(turn.UserKey) is { } admission and not TurnAdmission.Admitted && catalog.Understanding.Understand(turn.Text).Safety == SafetyConcern.None)
        {
            LogTooFast(turn.UserKey, admission == TurnAdmission.SlowDown);
            return admission == TurnAdmission.Dropped ? [] : [await SlowDownAsync(turn, cancellationToken).ConfigureAwait(false)];
        }
        using var held = await _locks.AcquireAsync(turn.ConversationKey, cancellationToken).ConfigureAwait(false);

        var state = await states.LoadAsync(turn.ConversationKey, cancellationToken).ConfigureAwait(false)
            ?? new ConversationState { Key = turn.ConversationKey };
        if (turn.ActivityId is { } activityId && state.HasSeen(activityId))
        {
            LogDuplicate(turn.ConversationKey, activityId);
            return [];
        }

        var now = time.GetUtcNow();
        var user = await users.FindAsync(turn.UserKey, cancellationToken).ConfigureAwait(false);
        var userChanged = user is null;
        user ??= new UserRecord { Key = turn.UserKey, FirstSeenUtc = now };
        userChanged |= RefreshFromChannel(user, turn);

        var run = new DialogRun(catalog, _actions, _handlers, state, user, turn, safetyContacts);
        await run.HandleAsync(cancellationToken).ConfigureAwait(false);

        if (run.ForgetRequested)
        {
            return [.. run.Replies, await ForgetAsync(turn).ConfigureAwait(false)];
        }

        if (turn.ActivityId is { } processedId)
        {
            state.RememberActivity(processedId);
        }

        state.UpdatedUtc = now;

        // Past this point the turn has happened: finish saving even if the caller has gone away, so the stored
        // state matches what the user was told. The user is saved first: if the process dies between the two
        // writes the dialog repeats a step, which is harmless, rather than forgetting a saved preference.
        if (userChanged || run.UserChanged)
        {
            await users.SaveAsync(user, CancellationToken.None).ConfigureAwait(false);
        }

        await states.SaveAsync(state, CancellationToken.None).ConfigureAwait(false);
        LogTurn(turn.ConversationKey, turn.ActivityId, state.Active?.DialogId, run.Replies.Count);
        return run.Replies;
    }

    /// <summary>Erases the user everywhere; the turn's state and user record are deliberately not saved again.</summary>
    private async Task<Reply> ForgetAsync(Turn turn)
    {
        if (eraser is null)
        {
            return Reply.Say("Sorry, I can't delete data in this setup, so nothing was deleted.");
        }

        var deleted = await eraser.EraseAsync(turn.UserKey, turn.ConversationKey, CancellationToken.None).ConfigureAwait(false);
        LogForgotten(turn.ConversationKey, deleted.Count);
        var list = deleted.Count == 0 ? "\n- nothing was stored any more" : string.Concat(deleted.Select(d => "\n- " + d));
        return Reply.Say($"Done. I deleted everything I kept about you:{list}\nYour reminders have stopped. If you talk to me again, I'll start fresh.");
    }

    private static bool RefreshFromChannel(UserRecord user, Turn turn)
    {
        var changed = false;
        if (turn.UserDisplayName is { Length: > 0 } name && name != user.DisplayName)
        {
            user.DisplayName = name;
            changed = true;
        }

        if (turn.Locale is { Length: > 0 } locale && locale != user.Locale)
        {
            user.Locale = locale;
            changed = true;
        }

        if (turn.Address is { } address && address != user.Address)
        {
            user.Address = address;
            changed = true;
        }

        return changed;
    }

    /// <summary>The one answer to a flood: slow down, with the emergency number in case something is wrong.</summary>
    private async Task<Reply> SlowDownAsync(Turn turn, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(turn.UserKey, cancellationToken).ConfigureAwait(false) ?? new UserRecord { Key = turn.UserKey, FirstSeenUtc = time.GetUtcNow() };
        return Reply.Say($"You're sending messages faster than I can answer them, so I'll skip a few. Please wait a few seconds and try again. If it's an emergency, call {safetyContacts.For(user).Emergency} now.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot the user of {ConversationKey}: {Count} kinds of data deleted")]
    private partial void LogForgotten(string conversationKey, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserKey} is over the turn limit (told to slow down: {Told})")]
    private partial void LogTooFast(string userKey, bool told);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped redelivered activity {ActivityId} in {ConversationKey}")]
    private partial void LogDuplicate(string conversationKey, string activityId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn {ActivityId} in {ConversationKey}: active dialog {DialogId}, {ReplyCount} replies")]
    private partial void LogTurn(string conversationKey, string? activityId, string? dialogId, int replyCount);
}
