using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Reminders;

/// <summary>
/// Reminder commands work anywhere ("snooze 10", "pause reminders", the buttons under a prompt); "done" and "skip"
/// only outside a dialog, where they can only mean the prompt. "stop reminders" asks first.
/// </summary>
public sealed class ReminderCommandTurnHandler(IReminderStore reminders, TimeProvider time) : ITurnHandler
{
    /// <summary>Confirms "stop reminders", which works from anywhere.</summary>
    public const string StopRemindersDialog = SystemDialogs.StopReminders;

    public TurnStage Stage => TurnStage.FeatureCommand;

    public int Order => 200;

    public bool IsRequest(TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return ReminderCommand.Parse(turn.Normalized, dialogActive: false) is not null;
    }

    public async ValueTask<bool> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var handler = new ReminderCommandHandler(reminders, time.GetUtcNow());
        var command = ReminderCommand.FromChoiceId(turn.Turn.ChoiceId);
        if (command is null && ReminderCommand.Parse(turn.Normalized, dialogActive: turn.DialogActive) is { } typed)
        {
            // With no reminder waiting, a typed "done" / "skip" is small talk, answered by the understanding layer.
            var smallTalk = typed.Kind is ReminderCommandKind.Done or ReminderCommandKind.Skip
                && !await handler.PromptWaitingAsync(turn.User.Key, cancellationToken).ConfigureAwait(false);
            command = smallTalk ? null : typed;
        }

        if (command is null)
        {
            return false;
        }

        if (command.Kind == ReminderCommandKind.Stop)
        {
            turn.EndDialogs();
            await turn.BeginDialogAsync(StopRemindersDialog, cancellationToken).ConfigureAwait(false);
            return true;
        }

        turn.Say(await handler.HandleAsync(turn.User.Key, command, cancellationToken).ConfigureAwait(false));
        return true;
    }
}

/// <summary>
/// A time zone the chat app reports fills a gap in the user's record; it never overrides one the user has (issue 4
/// asks before moving). Stored canonical: Teams may send aliases such as Asia/Calcutta.
/// </summary>
public sealed class ReportedTimeZoneTurnHandler : ITurnHandler
{
    public TurnStage Stage => TurnStage.Arrival;

    public ValueTask<bool> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (TimeZoneIds.Canonicalize(turn.Turn.TimeZone) is { } zone && turn.User.TimeZone is null)
        {
            turn.User.TimeZone = zone;
            turn.MarkUserChanged();
        }

        return ValueTask.FromResult(false);
    }
}

/// <summary>
/// After a turn that left no question open: when the chat app reports a zone other than the user's, the user has
/// reminders that would move, and they have not already said no to that zone, ask before moving them.
/// </summary>
public sealed class TimeZoneChangedTurnHandler(IReminderStore reminderStore) : ITurnHandler
{
    public TurnStage Stage => TurnStage.AfterTurn;

    public async ValueTask<bool> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var reported = TimeZoneIds.Canonicalize(turn.Turn.TimeZone);
        if (reported is null || turn.User.TimeZone is null || reported == TimeZoneIds.Canonicalize(turn.User.TimeZone)
            || turn.User.Preferences.GetValueOrDefault(ApplyTimeZoneChangeAction.DeclinedTimeZone) == reported
            || turn.AsksSomething
            || await reminderStore.FindAsync(turn.User.Key, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        await turn.BeginDialogAsync(SystemDialogs.TimeZoneChanged, cancellationToken).ConfigureAwait(false);
        return true;
    }
}

/// <summary>Uninstalled: stop the reminders (botframework.md §1.3; a 403 would follow anyway).</summary>
public sealed class RemovedTurnHandler(IReminderStore reminderStore) : ITurnHandler
{
    public TurnStage Stage => TurnStage.Uninstalled;

    public async ValueTask<bool> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await reminderStore.FindAsync(turn.User.Key, cancellationToken).ConfigureAwait(false) is not { } subscription)
        {
            return false;
        }

        subscription.Unreachable = true;
        subscription.NextDueUtc = null;
        await reminderStore.SaveAsync(subscription, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
