using BalanceBot.Core.Understanding;

namespace BalanceBot.Core.Conversations;

/// <summary>
/// "Did you mean ...?" (issue 16): a message read as two or more requests, or one word that is a near miss of a
/// command, is asked about with the candidates and the menu instead of guessed.
/// </summary>
internal sealed partial class DialogRun
{
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
    /// The choices shown: all of them, except on "Did you mean ...?", which shows what it read and the menu, and on a
    /// red-flag checklist's follow-up, which shows the flags still above the one picked.
    /// </summary>
    private static IEnumerable<ChoiceDefinition> Offered(StepDefinition step, DialogFrame frame) =>
        frame.DialogId == SystemDialogs.DidYouMean && frame.Values.TryGetValue(DidYouMeanOffered, out var offered)
            ? step.Choices.Where(c => c.Id == SystemDialogs.Menu || offered.Split(',').Contains(c.Id, StringComparer.Ordinal))
            : RedFlagChecklist.Offered(step, frame);
}
