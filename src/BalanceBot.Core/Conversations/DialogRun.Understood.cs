using BalanceBot.Core.Exercises;
using BalanceBot.Core.Understanding;

namespace BalanceBot.Core.Conversations;

/// <summary>
/// What the understanding layer adds to starting a dialog (issue 16): the dialog a message that is no exact trigger
/// asks for, and the answers an opening message already gave ("my lower back hurts since last week"), said back
/// with Yes / Change before the dialog uses them.
/// </summary>
internal sealed partial class DialogRun
{
    /// <summary>The dialog the understanding layer reads in a message that is no exact trigger ("my lower back hurts").</summary>
    private DialogDefinition? UnderstoodDialog() =>
        turn.ChoiceId is null && Understood.IntentDialog is { } id
        && (!SystemDialogs.IsSmallTalk(id) || Understood.Tokens.Count <= SystemDialogs.SmallTalkMaxWords)
            ? catalog.FindDialog(id)
            : null;

    private DialogDefinition? UnderstoodSwitch() =>
        UnderstoodDialog() is { } understood && state.Stack.TrueForAll(f => f.DialogId != understood.Id) ? understood : null;

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

    /// <summary>The answers the message gives to the dialog's questions that declare <c>understands:</c>; never a red flag.</summary>
    private List<UnderstoodAnswers.Answer> Prefills(DialogDefinition dialog) => UnderstoodAnswers.Read(dialog, Understood, catalog.Understanding);

    /// <summary>Yes: the dialog starts with the understood answers filled in. Change: it starts and asks everything.</summary>
    private async Task ConfirmUnderstoodAsync(DialogFrame frame, bool confirmed, CancellationToken cancellationToken)
    {
        state.Stack.Remove(frame);
        var prefilled = confirmed
            ? frame.Values.Where(v => v.Key.StartsWith(PrefillPrefix, StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal)
            : null;
        await BeginAsync(frame.Values[UnderstoodDialogValue], cancellationToken, prefilled).ConfigureAwait(false);
    }
}
