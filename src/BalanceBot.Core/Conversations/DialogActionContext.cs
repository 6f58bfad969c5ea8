using BalanceBot.Core.Users;

namespace BalanceBot.Core.Conversations;

/// <summary>
/// What an action may see and change during one step: the turn, the user, its arguments, the dialog's values and the
/// replies. Services an action needs come into its constructor from DI, never through here.
/// </summary>
public sealed class DialogActionContext(Turn turn, UserRecord user, IReadOnlyDictionary<string, string> args, Dictionary<string, string> values, List<Reply> replies)
{
    public Turn Turn { get; } = turn;

    /// <summary>The user's record; call <see cref="MarkUserChanged"/> after changing it so the engine saves it with the turn.</summary>
    public UserRecord User { get; } = user;

    public IReadOnlyDictionary<string, string> Args { get; } = args;

    /// <summary>The running dialog's values (answers saved by asks, outputs of earlier actions).</summary>
    public Dictionary<string, string> Values { get; } = values;

    public bool UserChanged { get; private set; }

    /// <summary>The exercise this conversation showed last; set it when showing one.</summary>
    public string? LastExerciseId { get; set; }

    /// <summary>Set by <c>forget_user</c>: the engine erases the user after the turn instead of saving it.</summary>
    public bool ForgetRequested { get; private set; }

    public void MarkUserChanged() => UserChanged = true;

    public void RequestForget() => ForgetRequested = true;

    public void Say(string text) => replies.Add(Reply.Say(text));

    /// <summary>Says a text that holds a bearer secret (<see cref="Reply.CarriesSecret"/>).</summary>
    public void SaySecret(string text) => replies.Add(Reply.Say(text) with { CarriesSecret = true });
}
