using BalanceBot.Core.Understanding;
using BalanceBot.Core.Users;

namespace BalanceBot.Core.Conversations;

/// <summary>What a <see cref="ITurnHandler"/> sees of a turn and may do with the conversation's dialog stack.</summary>
public sealed class TurnContext
{
    private readonly DialogRun _run;

    internal TurnContext(DialogRun run) => _run = run;

    public Turn Turn => _run.Turn;

    public UserRecord User => _run.User;

    /// <summary>The message normalised for matching commands (case, spaces, end punctuation).</summary>
    public string Normalized => _run.Normalized;

    /// <summary>The message as the understanding layer read it, once per turn.</summary>
    public MessageUnderstanding Understood => _run.Understood;

    /// <summary>True while a dialog waits for an answer.</summary>
    public bool DialogActive => _run.State.Active is not null;

    /// <summary>True when the question on screen is a red flag: there an unclear message must escalate, not switch.</summary>
    public bool OnRedFlagQuestion => _run.OnRedFlagQuestion();

    /// <summary>True when a reply of this turn already asks the user something.</summary>
    public bool AsksSomething => _run.Replies.Any(r => r.ExpectsInput);

    /// <summary>The exercise this conversation showed last.</summary>
    public string? LastExerciseId
    {
        get => _run.State.LastExerciseId;
        set => _run.State.LastExerciseId = value;
    }

    /// <summary>Drops every running dialog.</summary>
    public void EndDialogs() => _run.State.Stack.Clear();

    /// <summary>Starts a dialog on top of the stack and runs it to its first question.</summary>
    public Task BeginDialogAsync(string dialogId, CancellationToken cancellationToken) => _run.BeginAsync(dialogId, cancellationToken);

    /// <summary>Says a text, with the built-in placeholders (<c>{emergency_number}</c>, <c>{user_name}</c>) filled.</summary>
    public void Say(string text) => _run.SayWithBuiltIns(text);

    /// <summary>Saves the user record with the turn.</summary>
    public void MarkUserChanged() => _run.MarkUserChanged();
}
