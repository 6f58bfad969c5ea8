using System.Globalization;
using BalanceBot.Core.Broadcasts;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Exercises;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Statistics;
using BalanceBot.Core.Understanding;
using BalanceBot.Core.Users;

namespace BalanceBot.Core.Conversations;

/// <summary>
/// The work of one turn on one conversation's dialog stack: begin, continue, end, replace and cancel dialogs,
/// run steps until the next question, and collect the replies. Not thread-safe; the engine holds the lock.
/// </summary>
internal sealed class DialogRun(DialogCatalog catalog, ConversationState state, UserRecord user, Turn turn, SafetyContactDirectory safetyContacts, IReminderStore reminders, DateTimeOffset now, IBroadcastComposer? broadcasts = null, IProgrammeStatistics? statistics = null, Privacy.IUserDataExport? dataExport = null)
{
    /// <summary>How many answers in a row may go unrecognised before the question is dropped (issue 2).</summary>
    public const int MaxAttempts = 3;

    /// <summary>A red flag gets one simpler re-ask; the second unclear answer counts as "not sure".</summary>
    public const int RedFlagAttempts = 2;

    private Understanding.MessageUnderstanding? _understood;

    /// <summary>The choice id every red-flag question has for "not sure" (the validator checks).</summary>
    public const string NotSureChoiceId = "not_sure";

    // The validator rejects loops that never ask; this only guards against a defect in that check.
    private const int MaxStepsPerTurn = 500;

    private readonly List<Reply> _replies = [];
    private int _stepsRun;
    private bool _safetyReply;

    public IReadOnlyList<Reply> Replies => _replies;

    public bool UserChanged { get; private set; }

    /// <summary>The user confirmed "forget me": erase them instead of saving anything of this turn.</summary>
    public bool ForgetRequested { get; private set; }

    public async Task HandleAsync(CancellationToken cancellationToken)
    {
        await HandleTurnAsync(cancellationToken).ConfigureAwait(false);

        // Asked only between dialogs, after the user's own message was dealt with (issue 4), and never after an
        // emergency or crisis reply, which must stand alone (triage.md §4.1 item 4).
        if (turn.Kind == TurnKind.Message && state.Active is null && !_safetyReply && await TimeZoneChangedAsync(cancellationToken).ConfigureAwait(false))
        {
            await BeginAsync(SystemDialogs.TimeZoneChanged, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// True when the chat app reports a zone other than the user's, the user has reminders that would move, and
    /// they have not already said no to that zone. A reported zone never replaces the user's on its own.
    /// </summary>
    private async Task<bool> TimeZoneChangedAsync(CancellationToken cancellationToken)
    {
        var reported = TimeZoneIds.Canonicalize(turn.TimeZone);
        if (reported is null || user.TimeZone is null || reported == TimeZoneIds.Canonicalize(user.TimeZone)
            || user.Preferences.GetValueOrDefault(ApplyTimeZoneChangeAction.DeclinedTimeZone) == reported
            || _replies.Any(r => r.ExpectsInput))
        {
            return false;
        }

        return await reminders.FindAsync(user.Key, cancellationToken).ConfigureAwait(false) is not null;
    }

    private async Task HandleTurnAsync(CancellationToken cancellationToken)
    {
        DropStaleFrames();
        var normalized = InputText.Normalize(turn.Text);

        if (turn.Kind == TurnKind.Removed)
        {
            // Uninstalled: stop the reminders (botframework.md §1.3; a 403 would follow anyway) and say nothing.
            state.Stack.Clear();
            if (await reminders.FindAsync(user.Key, cancellationToken).ConfigureAwait(false) is { } subscription)
            {
                subscription.Unreachable = true;
                subscription.NextDueUtc = null;
                await reminders.SaveAsync(subscription, cancellationToken).ConfigureAwait(false);
            }

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

        // The safety scan comes before everything else, in and outside dialogs: whatever was going on stops, and the
        // user is told what to do now (triage.md §2.1 item 1, §4.1 items 4 and 5).
        var concern = Understood.Safety;
        if (concern == SafetyConcern.NegatedEmergency && OnRedFlagQuestion())
        {
            // The question on screen asks about that very sign; an unclear answer there escalates (triage.md §3.2).
            concern = SafetyConcern.None;
        }

        if (concern == SafetyConcern.NegatedEmergency)
        {
            // "No chest pain, but..." is asked about, not dropped: the question says what to do if it is happening.
            _safetyReply = true;
            state.Welcomed = true;
            state.Stack.Clear();
            // Without the question in the dialogs folder, escalate rather than drop it.
            await BeginAsync(catalog.FindDialog(SystemDialogs.EmergencyCheck) is null ? SystemDialogs.Emergency : SystemDialogs.EmergencyCheck, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (concern != SafetyConcern.None)
        {
            _safetyReply = true;
            state.Welcomed = true;
            state.Stack.Clear();
            await BeginAsync(concern == SafetyConcern.Crisis ? SystemDialogs.Crisis : SystemDialogs.Emergency, cancellationToken).ConfigureAwait(false);
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

        if (BroadcastMuting(normalized) is { } mute)
        {
            SetBroadcastsMuted(mute);
            return;
        }

        if (turn.ChoiceId is { } choice && choice.StartsWith(BroadcastDispatcher.LeaveCampaignChoicePrefix, StringComparison.Ordinal))
        {
            LeaveCampaign(choice[BroadcastDispatcher.LeaveCampaignChoicePrefix.Length..]);
            return;
        }

        // Reminder commands work anywhere; "done" and "skip" only outside a dialog, where they can only mean the prompt.
        if ((ReminderCommand.FromChoiceId(turn.ChoiceId) ?? ReminderCommand.Parse(normalized, dialogActive: state.Active is not null)) is { } reminderCommand)
        {
            if (reminderCommand.Kind == ReminderCommandKind.Stop)
            {
                state.Stack.Clear();
                await BeginAsync(SystemDialogs.StopReminders, cancellationToken).ConfigureAwait(false);
                return;
            }

            _replies.Add(Reply.Say(await new ReminderCommandHandler(reminders, now).HandleAsync(user.Key, reminderCommand, cancellationToken).ConfigureAwait(false)));
            return;
        }

        if (state.Active is null)
        {
            if (StretchRequest(normalized, out var area))
            {
                ShowExercise(area);
                return;
            }

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

    /// <summary>True for "mute broadcasts" (typed, or the button under a broadcast), false for "unmute broadcasts".</summary>
    private bool? BroadcastMuting(string normalized) =>
        turn.ChoiceId == BroadcastDispatcher.MuteChoiceId ? true
        : normalized is "mute broadcasts" or "mute broadcast" or "mute announcements" or "/mute" ? true
        : normalized is "unmute broadcasts" or "unmute broadcast" or "unmute announcements" or "/unmute" ? false
        : null;

    private void SetBroadcastsMuted(bool muted)
    {
        if (muted)
        {
            user.Preferences[PreferenceNames.Broadcasts] = PreferenceNames.Muted;
        }
        else
        {
            user.Preferences.Remove(PreferenceNames.Broadcasts);
        }

        UserChanged = true;
        _replies.Add(Reply.Say(muted
            ? "Done: no more wellness-team broadcasts. Your own reminders are not affected. Type \"unmute broadcasts\" to have them back."
            : "Wellness-team broadcasts are back on. Type \"mute broadcasts\" to stop them again."));
    }

    private void LeaveCampaign(string campaignId)
    {
        var left = (user.Preferences.GetValueOrDefault(PreferenceNames.CampaignsLeft) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!left.Contains(campaignId, StringComparer.Ordinal) && campaignId.Length is > 0 and <= 40 && !campaignId.Contains(',', StringComparison.Ordinal))
        {
            // Only the most recent campaigns are remembered; old ones have ended anyway.
            user.Preferences[PreferenceNames.CampaignsLeft] = string.Join(',', left.Append(campaignId).TakeLast(20));
            UserChanged = true;
        }

        _replies.Add(Reply.Say("Done: you've left this campaign and won't get the rest of it. Other wellness messages still come; \"mute broadcasts\" stops those too."));
    }

    /// <summary>A red-flag question on screen asks about the negated sign itself: its answer is handled there.</summary>
    private bool OnRedFlagQuestion() =>
        state.Active is { } frame && catalog.FindDialog(frame.DialogId)?.FindStep(frame.StepId) is { Kind: StepKind.Ask, RedFlag: true };

    /// <summary>The dialog the understanding layer reads in a message that is no exact trigger ("my lower back hurts").</summary>
    private DialogDefinition? UnderstoodDialog() =>
        turn.ChoiceId is null && Understood.IntentDialog is { } id
        && (!SystemDialogs.IsSmallTalk(id) || Understood.Tokens.Count <= SystemDialogs.SmallTalkMaxWords)
            ? catalog.FindDialog(id)
            : null;

    /// <summary>A frame value "prefill.&lt;save&gt;" is a confirmed answer from the opening message, used when that step comes.</summary>
    private const string PrefillPrefix = "prefill.";

    /// <summary>Where the "understood" frame keeps the dialog to start once the user has said yes or change.</summary>
    private const string UnderstoodDialogValue = "dialog";

    /// <summary>
    /// Starts what a typed message asked for; when the message also said things the dialog asks (a complaint's body
    /// area and how long), first says back what was understood, with Yes / Change (issue 16).
    /// </summary>
    private async Task BeginRequestedAsync(string dialogId, CancellationToken cancellationToken)
    {
        var prefills = turn.ChoiceId is null ? Prefills(catalog.GetDialog(dialogId)) : [];
        if (prefills.Count == 0 || catalog.FindDialog(SystemDialogs.Understood) is not { } understood)
        {
            await BeginAsync(dialogId, cancellationToken).ConfigureAwait(false);
            return;
        }

        var frame = new DialogFrame { DialogId = understood.Id, StepId = understood.Steps[0].Id };
        frame.Values[UnderstoodDialogValue] = dialogId;
        frame.Values[Placeholders.Understood] = string.Join(", ", prefills.Select(p => p.Label));
        foreach (var (save, choiceId, _) in prefills)
        {
            frame.Values[PrefillPrefix + save] = choiceId;
        }

        state.Stack.Add(frame);
        _replies.Add(Prompt(understood.Steps[0], frame, isRetry: false));
    }

    /// <summary>
    /// The answers a message gives to a dialog's questions: a body area for a question whose choices are the exercise
    /// areas, a duration for one whose choices are the lexicon's duration answers. Never a red-flag question.
    /// </summary>
    private List<(string Save, string ChoiceId, string Label)> Prefills(DialogDefinition dialog)
    {
        var found = new List<(string Save, string ChoiceId, string Label)>();
        foreach (var step in dialog.Steps)
        {
            if (step.Kind != StepKind.Ask || step.Ask != AskKind.Choice || step.RedFlag || step.Save is null || found.Exists(f => f.Save == step.Save))
            {
                continue;
            }

            var choice = step.Choices.All(c => ExerciseLibrary.Areas.Contains(c.Id))
                ? Understood.BodyAreas.Select(area => step.Choices.FirstOrDefault(c => c.Id == area)).FirstOrDefault(c => c is not null)
                : catalog.Understanding.DurationChoice(step.Choices, Understood.Tokens);
            if (choice is not null)
            {
                found.Add((step.Save, choice.Id, choice.Label));
            }
        }

        return found;
    }

    /// <summary>Yes: the dialog starts with the understood answers filled in. Change: it starts and asks everything.</summary>
    private async Task ConfirmUnderstoodAsync(DialogFrame frame, bool confirmed, CancellationToken cancellationToken)
    {
        state.Stack.Remove(frame);
        var prefilled = confirmed
            ? frame.Values.Where(v => v.Key.StartsWith(PrefillPrefix, StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal)
            : null;
        await BeginAsync(frame.Values[UnderstoodDialogValue], cancellationToken, prefilled).ConfigureAwait(false);
    }

    /// <summary>Where "Did you mean ...?" keeps the choices it offers, comma-separated.</summary>
    private const string DidYouMeanOffered = "offered";

    /// <summary>
    /// The did_you_mean choices for a message the layer reads as two or more requests ("remind me to check my back"),
    /// or, for one word that is no request, the commands it is a near miss of ("remidners": two typos from 6 letters
    /// on, one below). Empty when the message is clear, or the dialogs folder has no did_you_mean.
    /// </summary>
    private List<string> DidYouMeanCandidates(string normalized)
    {
        if (turn.ChoiceId is not null || catalog.FindDialog(SystemDialogs.DidYouMean) is not { } didYouMean)
        {
            return [];
        }

        var choices = didYouMean.Steps[0].Choices;
        var requests = Understood.IntentDialogs.Where(id => !SystemDialogs.IsSmallTalk(id) && choices.Any(c => c.Id == id)).ToList();
        if (requests.Count >= 2)
        {
            return requests;
        }

        var words = InputText.Tokens(normalized);
        if (requests.Count > 0 || Understood.IntentDialog is not null || words.Length != 1 || words[0].Length < 4)
        {
            return [];
        }

        var word = words[0];
        var typos = word.Length >= 6 ? 2 : 1;
        return [.. choices
            .Where(c => c.Synonyms.Prepend(c.Id).Any(command => !command.Contains(' ', StringComparison.Ordinal) && command.Length >= 4 && EditDistance.IsWithin(word, command, typos)))
            .Select(c => c.Id)];
    }

    private void AskDidYouMean(IReadOnlyList<string> candidates)
    {
        state.Stack.Clear();
        var dialog = catalog.GetDialog(SystemDialogs.DidYouMean);
        var frame = new DialogFrame { DialogId = dialog.Id, StepId = dialog.Steps[0].Id };
        frame.Values[DidYouMeanOffered] = string.Join(',', candidates);
        state.Stack.Add(frame);
        _replies.Add(Prompt(dialog.Steps[0], frame, isRetry: false));
    }

    /// <summary>
    /// "stretch", "stretch neck", and "stretch" with any body area or muscle word the understanding layer reads
    /// ("stretch chest", "stretch my hamstrings"); <paramref name="area"/> is the exercise area, if one was named.
    /// </summary>
    private bool StretchRequest(string normalized, out string? area)
    {
        area = null;
        if (turn.ChoiceId is not null)
        {
            return false;
        }

        // The layer first: it knows the most specific area ("the middle of my back" is the upper back).
        if (StretchCommand.IsStretchWording(normalized) && Understood.BodyAreas.FirstOrDefault(ExerciseLibrary.Areas.Contains) is { } understoodArea)
        {
            area = understoodArea;
            return true;
        }

        return StretchCommand.TryParse(normalized, out area);
    }

    private DialogDefinition? UnderstoodSwitch() =>
        UnderstoodDialog() is { } understood && state.Stack.TrueForAll(f => f.DialogId != understood.Id) ? understood : null;

    /// <summary>The message read once per turn by the understanding layer (issue 16).</summary>
    private Understanding.MessageUnderstanding Understood => _understood ??= catalog.Understanding.Understand(turn.Text);

    private bool AsksForSomething(string normalized) =>
        catalog.FindTriggered(normalized) is not null
        || UnderstoodDialog() is { } understood && !SystemDialogs.IsSmallTalk(understood.Id)
        || StretchRequest(normalized, out _)
        || ReminderCommand.Parse(normalized, dialogActive: false) is not null;

    private async Task AnswerAsync(string normalized, CancellationToken cancellationToken)
    {
        var frame = state.Active!;
        var dialog = catalog.GetDialog(frame.DialogId);
        var step = dialog.FindStep(frame.StepId)!;

        // "stretch chest" at the menu is that stretch, not the menu's "Quick stretch" choice asking for the area again.
        if (!step.RedFlag && StretchRequest(normalized, out var namedArea) && namedArea is not null)
        {
            state.Stack.Clear();
            ShowExercise(namedArea);
            return;
        }

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

            if (StretchRequest(normalized, out var stretchArea))
            {
                state.Stack.Clear();
                ShowExercise(stretchArea);
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

    private async Task AcceptAsync(DialogDefinition dialog, StepDefinition step, DialogFrame frame, (string Value, string? Next, TriageLevel? Level) answer, CancellationToken cancellationToken)
    {
        if (dialog.Id == SystemDialogs.Understood)
        {
            await ConfirmUnderstoodAsync(frame, confirmed: answer.Value == "yes", cancellationToken).ConfigureAwait(false);
            return;
        }

        frame.Attempts = 0;
        if (step.Save is not null)
        {
            frame.Values[step.Save] = answer.Value;
        }

        if (answer.Level is { } level)
        {
            TriageLevels.Raise(frame.Values, level);
        }

        if (step.RedFlag && answer.Next is null && RedFlagChecklist.NeedsFollowUp(step, frame, answer.Value))
        {
            _replies.Add(Prompt(step, frame, isRetry: false));
            return;
        }

        await AdvanceAsync(answer.Next ?? dialog.NextStepId(step), cancellationToken).ConfigureAwait(false);
    }

    private (string Value, string? Next, TriageLevel? Level)? Recognize(StepDefinition step, string normalized)
    {
        switch (step.Ask)
        {
            case AskKind.Choice:
                // A typed answer is read for a duration first ("10 days" must not match the synonym "days"), then by
                // stem and typo, skipping what is negated ("thighs", "not my lower back, my neck"), then by number.
                var typed = turn.ChoiceId is null;
                var choice = step.RedFlag
                    ? RedFlagAnswer(step, normalized)
                    : (typed ? catalog.Understanding.DurationChoice(step.Choices, Understood.Tokens) ?? catalog.Understanding.MatchChoice(step.Choices, Understood.Tokens) : null)
                        ?? AnswerRecognizers.Choice(step.Choices, turn.ChoiceId, normalized);
                return choice is null ? null : (choice.Id, choice.Next, choice.Level);
            case AskKind.Confirm:
                var yes = AnswerRecognizers.Confirm(turn.ChoiceId, normalized);
                return yes switch
                {
                    true => ("yes", step.YesNext, null),
                    false => ("no", step.NoNext, null),
                    null => null,
                };
            case AskKind.Number:
                var number = AnswerRecognizers.Number(normalized, step.Min, step.Max);
                return number is null ? null : (number.Value.ToString(CultureInfo.InvariantCulture), null, null);
            case AskKind.Time:
                var time = AnswerRecognizers.TimeOfDay(normalized);
                return time is null ? null : (time, null, null);
            case AskKind.Text:
                var text = AnswerRecognizers.Text(turn.Text, step.MaxLength);
                return text is null ? null : (text, null, null);
            default:
                return null;
        }
    }

    /// <summary>
    /// Red-flag answers: a click; then any sign of doubt ("no idea" must never read as "no"); then yes or no in their
    /// everyday forms; then the labels, synonyms and numbers of the choices.
    /// </summary>
    private ChoiceDefinition? RedFlagAnswer(StepDefinition step, string normalized)
    {
        if (turn.ChoiceId is not null)
        {
            return step.Choices.FirstOrDefault(c => c.Id == turn.ChoiceId);
        }

        // On a checklist a bare "yes" does not say which flag, so it counts as not sure; "no" is "none of these".
        var checklist = RedFlagChecklist.IsChecklist(step);
        var id = AnswerRecognizers.IsUnsure(normalized) ? NotSureChoiceId
            : AnswerRecognizers.Confirm(null, normalized) switch
            {
                true => checklist ? NotSureChoiceId : "yes",
                false => checklist ? RedFlagChecklist.NoneChoiceId : "no",
                null => null,
            };
        return id is not null ? step.Choices.Single(c => c.Id == id) : AnswerRecognizers.Choice([.. RedFlagChecklist.Offered(step, state.Active!)], null, normalized);
    }

    private async Task BeginAsync(string dialogId, CancellationToken cancellationToken, Dictionary<string, string>? values = null)
    {
        var dialog = catalog.GetDialog(dialogId);
        state.Stack.Add(new DialogFrame { DialogId = dialog.Id, StepId = dialog.Steps[0].Id, Values = values ?? new(StringComparer.Ordinal) });
        await AdvanceAsync(dialog.Steps[0].Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs steps of the active dialog from <paramref name="stepId"/> until one waits for the user or the stack empties.</summary>
    private async Task AdvanceAsync(string? stepId, CancellationToken cancellationToken)
    {
        while (state.Active is { } frame)
        {
            if (++_stepsRun > MaxStepsPerTurn)
            {
                throw new InvalidOperationException($"Dialog '{frame.DialogId}' ran {MaxStepsPerTurn} steps without waiting for the user.");
            }

            var dialog = catalog.GetDialog(frame.DialogId);
            if (stepId is null)
            {
                // The active dialog ended: resume its parent, if any.
                state.Stack.RemoveAt(state.Stack.Count - 1);
                if (state.Active is not { } parent)
                {
                    return;
                }

                var parentDialog = catalog.GetDialog(parent.DialogId);
                var waitingOn = parentDialog.FindStep(parent.StepId)!;
                if (waitingOn.Kind == StepKind.Ask)
                {
                    _replies.Add(Prompt(waitingOn, parent, isRetry: false));
                    return;
                }

                stepId = parentDialog.NextStepId(waitingOn);
                continue;
            }

            var step = dialog.FindStep(stepId)!;
            frame.StepId = step.Id;
            switch (step.Kind)
            {
                case StepKind.Say:
                    _replies.Add(Reply.Say(Fill(step.Text!, frame)));
                    stepId = dialog.NextStepId(step);
                    break;
                case StepKind.Ask when !step.RedFlag && step.Save is not null && frame.Values.Remove(PrefillPrefix + step.Save, out var prefilled)
                    && step.Choices.FirstOrDefault(c => c.Id == prefilled) is { } confirmedChoice:
                    // Confirmed from the opening message: answered, not asked again. Red flags are never prefilled.
                    frame.Values[step.Save] = confirmedChoice.Id;
                    if (confirmedChoice.Level is { } confirmedLevel)
                    {
                        TriageLevels.Raise(frame.Values, confirmedLevel);
                    }

                    stepId = confirmedChoice.Next ?? dialog.NextStepId(step);
                    break;
                case StepKind.Ask:
                    frame.Attempts = 0;
                    _replies.Add(Prompt(step, frame, isRetry: false));
                    return;
                case StepKind.Action:
                    stepId = await RunActionAsync(dialog, step, frame, cancellationToken).ConfigureAwait(false);
                    break;
                case StepKind.Goto when step.GotoStep is not null:
                    stepId = step.GotoStep;
                    break;
                case StepKind.Goto:
                    var target = catalog.GetDialog(step.GotoDialog!);
                    if (!step.Call)
                    {
                        state.Stack.RemoveAt(state.Stack.Count - 1);
                    }

                    state.Stack.Add(new DialogFrame { DialogId = target.Id, StepId = target.Steps[0].Id });
                    stepId = target.Steps[0].Id;
                    break;
                case StepKind.End:
                    stepId = null;
                    break;
            }
        }
    }

    private async Task<string?> RunActionAsync(DialogDefinition dialog, StepDefinition step, DialogFrame frame, CancellationToken cancellationToken)
    {
        var action = catalog.Actions[step.ActionName!];
        var saidBefore = _replies.Count;
        var context = new DialogActionContext(turn, user, step.Args, frame.Values, _replies, catalog.Exercises) { LastExerciseId = state.LastExerciseId, Now = now, Reminders = reminders, Broadcasts = broadcasts, Statistics = statistics, DataExport = dataExport };
        var result = await action.ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
        UserChanged |= context.UserChanged;
        ForgetRequested |= context.ForgetRequested;
        state.LastExerciseId = context.LastExerciseId;
        FillBuiltIns(saidBefore);
        return result.EndDialog ? null : result.GotoStep ?? dialog.NextStepId(step);
    }

    /// <summary>One exercise for the area (or any area), not the one shown last, with the stop rules.</summary>
    private void ShowExercise(string? area)
    {
        var exercise = catalog.Exercises.Next(area, state.LastExerciseId);
        if (exercise is null)
        {
            return;
        }

        state.LastExerciseId = exercise.Id;
        _replies.Add(Reply.Say(Placeholders.Fill(ExerciseText.Render(exercise, catalog.Exercises), BuiltIn)));
    }

    /// <summary>
    /// What an action said may hold built-in placeholders (the exercise stop rule names the emergency number). Only
    /// the replies from <paramref name="start"/> on are filled: text said earlier may contain what users typed.
    /// </summary>
    private void FillBuiltIns(int start)
    {
        for (var i = start; i < _replies.Count; i++)
        {
            if (_replies[i].Text.Contains('{', StringComparison.Ordinal))
            {
                _replies[i] = _replies[i] with { Text = Placeholders.Fill(_replies[i].Text, BuiltIn) };
            }
        }
    }

    private Reply Prompt(StepDefinition step, DialogFrame frame, bool isRetry)
    {
        var question = Fill(RedFlagChecklist.Above(step, frame) is not null ? step.FollowUp! : step.Text!, frame);
        var text = !isRetry ? question : step.Retry is not null ? Fill(step.Retry, frame) : $"{RetryHint(step)} {question}";
        IReadOnlyList<ReplyChoice> choices = step.Ask switch
        {
            AskKind.Choice => Offered(step, frame).Select(c => new ReplyChoice(c.Id, Fill(c.Label, frame))).ToList(),
            AskKind.Confirm => [new ReplyChoice("yes", "Yes"), new ReplyChoice("no", "No")],
            AskKind.Text => step.Suggestions.Select(s => new ReplyChoice(s, s)).ToList(),
            _ => [],
        };
        return new Reply(text, choices, ExpectsInput: true, step.Ask);
    }

    /// <summary>The choices shown: all of them, except on "Did you mean ...?", which shows what it read and the menu.</summary>
    private static IEnumerable<ChoiceDefinition> Offered(StepDefinition step, DialogFrame frame) =>
        frame.DialogId == SystemDialogs.DidYouMean && frame.Values.TryGetValue(DidYouMeanOffered, out var offered)
            ? step.Choices.Where(c => c.Id == SystemDialogs.Menu || offered.Split(',').Contains(c.Id, StringComparer.Ordinal))
            : RedFlagChecklist.Offered(step, frame);

    private static string RetryHint(StepDefinition step) => step.Ask switch
    {
        AskKind.Choice => "Sorry, I didn't catch that. Pick one of the options, or type its number.",
        AskKind.Confirm => "Sorry, I didn't catch that. Please answer yes or no.",
        AskKind.Number => string.Create(CultureInfo.InvariantCulture, $"Please answer with a whole number from {step.Min} to {step.Max}."),
        AskKind.Time => "Please give a time of day, like 9:00 or 5:30pm.",
        _ => string.Create(CultureInfo.InvariantCulture, $"Please type an answer of up to {step.MaxLength} characters."),
    };

    private string Fill(string text, DialogFrame frame) => Placeholders.Fill(text, name =>
        frame.Values.TryGetValue(name, out var value) ? value : BuiltIn(name));

    private string? BuiltIn(string name) => name switch
    {
        Placeholders.UserName => UserName(),
        Placeholders.EmergencyNumber => safetyContacts.For(user).Emergency,
        Placeholders.UrgentHelp => safetyContacts.For(user).UrgentHelp,
        Placeholders.CrisisLine => safetyContacts.For(user).CrisisLine,
        _ => null,
    };

    private string UserName() =>
        user.Preferences.TryGetValue(PreferenceNames.PreferredName, out var preferred) ? preferred
        : user.DisplayName is { Length: > 0 } display ? display
        : "there";

    /// <summary>
    /// Dialog files can change between turns (a deploy). A frame that points at a dialog or step that no longer
    /// exists, or no longer waits for input, cannot be continued: drop it and everything above it.
    /// </summary>
    private void DropStaleFrames()
    {
        for (var i = 0; i < state.Stack.Count; i++)
        {
            var frame = state.Stack[i];
            var step = catalog.FindDialog(frame.DialogId)?.FindStep(frame.StepId);
            var waitsHere = step is not null && (step.Kind == StepKind.Ask || (step.Kind == StepKind.Goto && step.Call && i < state.Stack.Count - 1));
            if (!waitsHere)
            {
                state.Stack.RemoveRange(i, state.Stack.Count - i);
                return;
            }
        }
    }
}
