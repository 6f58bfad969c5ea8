using BalanceBot.Core.Checkup;
using BalanceBot.Core.Understanding;

namespace BalanceBot.Core.Conversations;

/// <summary>
/// The order of one turn (DESIGN §3): the safety scan first, then the global commands (help, cancel, start over,
/// menu) and the welcome, then the feature commands registered as <see cref="ITurnHandler"/>s, then the active
/// dialog (or the dialog a message starts). The engine knows no feature: each contributes its handlers.
/// </summary>
internal sealed partial class DialogRun
{
    private bool _safetyReply;

    /// <summary>The message normalised for matching commands and triggers.</summary>
    public string Normalized { get; } = InputText.Normalize(turn.Text);

    public async Task HandleAsync(CancellationToken cancellationToken)
    {
        await RunStageAsync(TurnStage.Arrival, cancellationToken, untilHandled: false).ConfigureAwait(false);
        await HandleTurnAsync(cancellationToken).ConfigureAwait(false);

        // Asked only between dialogs, after the user's own message was dealt with (issue 4), and never after an
        // emergency or crisis reply, which must stand alone (triage.md §4.1 item 4).
        if (turn.Kind == TurnKind.Message && state.Active is null && !_safetyReply)
        {
            await RunStageAsync(TurnStage.AfterTurn, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HandleTurnAsync(CancellationToken cancellationToken)
    {
        DropStaleFrames();
        var normalized = Normalized;

        if (turn.Kind == TurnKind.Removed)
        {
            // Uninstalled: nothing is said; features stop what would reach the user (botframework.md §1.3).
            state.Stack.Clear();
            await RunStageAsync(TurnStage.Uninstalled, cancellationToken, untilHandled: false).ConfigureAwait(false);
            return;
        }

        if (turn.Kind == TurnKind.ConversationStarted)
        {
            if (!state.Welcomed)
            {
                state.Welcomed = true;
                await BeginAsync(SystemDialogs.Welcome, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (await SafetyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (turn.IsCommand)
        {
            state.Stack.Clear();
        }

        var command = turn.ChoiceId is null ? GlobalCommands.Recognize(normalized) : GlobalCommand.None;
        if (command != GlobalCommand.None)
        {
            await InterruptAsync(command, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!state.Welcomed)
        {
            state.Welcomed = true;
            state.Stack.Clear();
            await BeginAsync(SystemDialogs.Welcome, cancellationToken).ConfigureAwait(false);
            if (!AsksForSomething(normalized))
            {
                return;
            }

            // A first message that names what it wants (a Discord slash command always does) keeps the welcome's
            // notices, the disclaimer and what is stored, and drops only its closing question so the request is
            // answered at once instead of being lost.
            state.Stack.Clear();
            _replies.RemoveAll(r => r.ExpectsInput);
        }

        if (await RunStageAsync(TurnStage.FeatureCommand, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (state.Active is null)
        {
            if (catalog.FindTriggered(normalized) is null && DidYouMeanCandidates(normalized) is { Count: > 0 } candidates)
            {
                AskDidYouMean(candidates);
                return;
            }

            var triggered = catalog.FindTriggered(normalized) ?? UnderstoodDialog();
            await BeginRequestedAsync(triggered?.Id ?? SystemDialogs.Menu, cancellationToken).ConfigureAwait(false);
            return;
        }

        await AnswerAsync(normalized, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The safety scan, in and outside dialogs: whatever was going on stops, and the user is told what to do now
    /// (triage.md §2.1 item 1, §4.1 items 4 and 5). True when it answered the turn.
    /// </summary>
    private async Task<bool> SafetyAsync(CancellationToken cancellationToken)
    {
        var concern = Understood.Safety;
        if (concern == SafetyConcern.NegatedEmergency && OnRedFlagQuestion())
        {
            // The question on screen asks about that very sign; an unclear answer there escalates (triage.md §3.2).
            concern = SafetyConcern.None;
        }

        if (concern == SafetyConcern.None)
        {
            return false;
        }

        _safetyReply = true;
        state.Welcomed = true;
        state.Stack.Clear();
        var dialog = concern switch
        {
            // "No chest pain, but..." is asked about, not dropped: the question says what to do if it is happening.
            // Without the question in the dialogs folder, escalate rather than drop it.
            SafetyConcern.NegatedEmergency => catalog.FindDialog(SystemDialogs.EmergencyCheck) is null ? SystemDialogs.Emergency : SystemDialogs.EmergencyCheck,
            SafetyConcern.Crisis => SystemDialogs.Crisis,
            _ => SystemDialogs.Emergency,
        };
        await BeginAsync(dialog, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Runs the registered handlers of a stage in order; with <paramref name="untilHandled"/>, the first that handles
    /// the turn ends the stage. True when one handled it.
    /// </summary>
    private async Task<bool> RunStageAsync(TurnStage stage, CancellationToken cancellationToken, bool untilHandled = true)
    {
        var handled = false;
        var context = new TurnContext(this);
        foreach (var handler in handlers.Where(h => h.Stage == stage))
        {
            handled |= await handler.HandleAsync(context, cancellationToken).ConfigureAwait(false);
            if (handled && untilHandled)
            {
                return true;
            }
        }

        return handled;
    }

    private bool AsksForSomething(string normalized)
    {
        var context = new TurnContext(this);
        return catalog.FindTriggered(normalized) is not null
            || UnderstoodDialog() is { } understood && !SystemDialogs.IsSmallTalk(understood.Id)
            || handlers.Any(h => h.Stage == TurnStage.FeatureCommand && h.IsRequest(context));
    }

    private async Task InterruptAsync(GlobalCommand command, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case GlobalCommand.Help:
                // Help sits on top of whatever was going on; when it ends, the interrupted question is asked again.
                if (state.Active?.DialogId == SystemDialogs.Help)
                {
                    state.Stack.RemoveAt(state.Stack.Count - 1);
                }

                await BeginAsync(SystemDialogs.Help, cancellationToken).ConfigureAwait(false);
                break;
            case GlobalCommand.Cancel:
                state.Stack.Clear();
                await BeginAsync(SystemDialogs.Cancelled, cancellationToken).ConfigureAwait(false);
                break;
            case GlobalCommand.StartOver:
                var root = state.Stack.Count > 0 ? state.Stack[0].DialogId : SystemDialogs.Menu;
                state.Stack.Clear();
                await BeginAsync(root, cancellationToken).ConfigureAwait(false);
                break;
            case GlobalCommand.Menu:
                state.Stack.Clear();
                await BeginAsync(SystemDialogs.Menu, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task AnswerAsync(string normalized, CancellationToken cancellationToken)
    {
        var frame = state.Active!;
        var dialog = catalog.GetDialog(frame.DialogId);
        var step = dialog.FindStep(frame.StepId)!;

        // At the menu a message read as two requests is asked about before a menu choice could take one of them.
        if (frame.DialogId is SystemDialogs.Menu or SystemDialogs.DidYouMean && turn.ChoiceId is null && catalog.FindTriggered(normalized) is null
            && DidYouMeanCandidates(normalized) is { Count: >= 2 } requests)
        {
            AskDidYouMean(requests);
            return;
        }

        // A complaint at the menu ("pain in the middle of my back") is kept with what it says, not just the menu's
        // "Check a pain" choice that would ask it all again.
        if (frame.DialogId == SystemDialogs.Menu && UnderstoodDialog() is { } requested && Prefills(requested).Count > 0)
        {
            state.Stack.Clear();
            await BeginRequestedAsync(requested.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (Recognize(step, normalized) is { } answer)
        {
            await AcceptAsync(dialog, step, frame, answer, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Not an answer, but the name of something else to do ("settings" while asked for a time): switch to it.
        // Never on a red flag: there an unclear answer must escalate, not drop the check-up (triage.md §3.2).
        if (turn.ChoiceId is null && !step.RedFlag)
        {
            // Small talk ("thanks", "hi") is answered on top of the question, which is then asked again: nothing
            // said so far is lost.
            if (catalog.FindTriggered(normalized) is null && UnderstoodDialog() is { } aside && SystemDialogs.IsSmallTalk(aside.Id))
            {
                await BeginAsync(aside.Id, cancellationToken).ConfigureAwait(false);
                return;
            }

            // At the menu, a message read as two requests, or a near miss of a command, is asked about, not retried.
            if (frame.DialogId is SystemDialogs.Menu or SystemDialogs.DidYouMean && catalog.FindTriggered(normalized) is null
                && DidYouMeanCandidates(normalized) is { Count: > 0 } candidates)
            {
                AskDidYouMean(candidates);
                return;
            }

            // An understood request ("my lower back hurts" at the menu) switches too, unless it names a dialog already
            // under way: then it is an answer that was not recognised, and restarting would lose what was said.
            if ((catalog.FindTriggered(normalized) ?? UnderstoodSwitch()) is { } triggered)
            {
                state.Stack.Clear();
                await BeginRequestedAsync(triggered.Id, cancellationToken).ConfigureAwait(false);
                return;
            }

            // A feature's command that is no answer here ("stretch" while asked for a time).
            if (await RunStageAsync(TurnStage.NotAnAnswer, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        frame.Attempts++;

        // A red flag is asked once more in simpler words (its retry); still unclear, it counts as "not sure",
        // which escalates like a yes (triage.md §3.2). It never falls through to "not understood".
        if (step.RedFlag && frame.Attempts >= RedFlagAttempts)
        {
            var notSure = step.Choices.Single(c => c.Id == NotSureChoiceId);
            await AcceptAsync(dialog, step, frame, (notSure.Id, notSure.Next, notSure.Level), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (frame.Attempts >= MaxAttempts && step.OnUnclear is { } unclearNext)
        {
            // The dialog says where to go instead (a check-up still gives the level reached so far).
            frame.Attempts = 0;
            await AdvanceAsync(unclearNext, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (frame.Attempts >= MaxAttempts)
        {
            state.Stack.Clear();
            await BeginAsync(SystemDialogs.NotUnderstood, cancellationToken).ConfigureAwait(false);
            return;
        }

        _replies.Add(Prompt(step, frame, isRetry: true));
    }
}
