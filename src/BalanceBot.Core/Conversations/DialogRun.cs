using System.Globalization;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Understanding;
using BalanceBot.Core.Users;

namespace BalanceBot.Core.Conversations;

/// <summary>
/// The work of one turn on one conversation's dialog stack: begin, continue, end, replace and cancel dialogs, run
/// steps until the next question, and collect the replies. What runs when (safety, commands, features, the active
/// dialog) is the turn pipeline (DialogRun.Pipeline.cs); what the understanding layer adds is in DialogRun.Understood.cs
/// and DialogRun.DidYouMean.cs. Not thread-safe; the engine holds the lock.
/// </summary>
internal sealed partial class DialogRun(DialogCatalog catalog, IReadOnlyDictionary<string, IDialogAction> actions, IReadOnlyList<ITurnHandler> handlers, ConversationState state, UserRecord user, Turn turn, SafetyContactDirectory safetyContacts)
{
    /// <summary>How many answers in a row may go unrecognised before the question is dropped (issue 2).</summary>
    public const int MaxAttempts = 3;

    /// <summary>A red flag gets one simpler re-ask; the second unclear answer counts as "not sure".</summary>
    public const int RedFlagAttempts = 2;

    /// <summary>The choice id every red-flag question has for "not sure" (the validator checks).</summary>
    public const string NotSureChoiceId = "not_sure";

    // The validator rejects loops that never ask; this only guards against a defect in that check.
    private const int MaxStepsPerTurn = 500;

    private readonly List<Reply> _replies = [];
    private MessageUnderstanding? _understood;
    private int _stepsRun;

    public IReadOnlyList<Reply> Replies => _replies;

    public Turn Turn => turn;

    public UserRecord User => user;

    public ConversationState State => state;

    public bool UserChanged { get; private set; }

    /// <summary>The user confirmed "forget me": erase them instead of saving anything of this turn.</summary>
    public bool ForgetRequested { get; private set; }

    /// <summary>The message read once per turn by the understanding layer (issue 16).</summary>
    public MessageUnderstanding Understood => _understood ??= catalog.Understanding.Understand(turn.Text);

    public void MarkUserChanged() => UserChanged = true;

    /// <summary>Adds a reply a feature made, with the built-in placeholders filled (an exercise's stop rule names the emergency number).</summary>
    public void AddWithBuiltIns(Reply reply) => _replies.Add(reply with { Text = Placeholders.Fill(reply.Text, BuiltIn) });

    /// <summary>A red-flag question on screen asks about the negated sign itself: its answer is handled there.</summary>
    public bool OnRedFlagQuestion() =>
        state.Active is { } frame && catalog.FindDialog(frame.DialogId)?.FindStep(frame.StepId) is { Kind: StepKind.Ask, RedFlag: true };

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

    public async Task BeginAsync(string dialogId, CancellationToken cancellationToken, Dictionary<string, string>? values = null)
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
                case StepKind.Ask when !step.RedFlag && step.Ask == AskKind.Number && step.Save is not null && frame.Values.Remove(PrefillPrefix + step.Save, out var number):
                    frame.Values[step.Save] = number; // a confirmed score from the opening message ("7/10")
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
        // The catalog was validated against these actions at start-up; a test engine may run without some features.
        var action = actions.TryGetValue(step.ActionName!, out var found) ? found
            : throw new InvalidOperationException($"Action '{step.ActionName}' is not registered in this setup.");
        var saidBefore = _replies.Count;
        var context = new DialogActionContext(turn, user, step.Args, frame.Values, _replies) { LastExerciseId = state.LastExerciseId };
        var result = await action.ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
        UserChanged |= context.UserChanged;
        ForgetRequested |= context.ForgetRequested;
        state.LastExerciseId = context.LastExerciseId;
        FillBuiltIns(saidBefore);
        return result.EndDialog ? null : result.GotoStep ?? dialog.NextStepId(step);
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
