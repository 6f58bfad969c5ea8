using BalanceBot.Core.Broadcasts;
using BalanceBot.Core.Exercises;
using BalanceBot.Core.Statistics;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;

namespace BalanceBot.Core.Conversations;

/// <summary>What an action may see and change during one step.</summary>
public sealed class DialogActionContext(Turn turn, UserRecord user, IReadOnlyDictionary<string, string> args, Dictionary<string, string> values, List<Reply> replies, ExerciseLibrary? exercises = null)
{
    public Turn Turn { get; } = turn;

    /// <summary>The user's record; call <see cref="MarkUserChanged"/> after changing it so the engine saves it with the turn.</summary>
    public UserRecord User { get; } = user;

    public IReadOnlyDictionary<string, string> Args { get; } = args;

    /// <summary>The running dialog's values (answers saved by asks, outputs of earlier actions).</summary>
    public Dictionary<string, string> Values { get; } = values;

    public bool UserChanged { get; private set; }

    public ExerciseLibrary Exercises { get; } = exercises ?? ExerciseLibrary.Empty;

    /// <summary>The exercise this conversation showed last; set it when showing one.</summary>
    public string? LastExerciseId { get; set; }

    /// <summary>When this turn happens, from the engine's clock.</summary>
    public DateTimeOffset Now { get; init; }

    /// <summary>The reminder subscriptions, for actions that set them up or describe them.</summary>
    public IReminderStore? Reminders { get; init; }

    /// <summary>Where wellness-team broadcasts composed in chat are handed over; null where there is none.</summary>
    public IBroadcastComposer? Broadcasts { get; init; }

    /// <summary>The programme's aggregate statistics, for wellness-team members; null where there are none.</summary>
    public IProgrammeStatistics? Statistics { get; init; }

    /// <summary>Makes download links of a user's data, or null where there is none (the console).</summary>
    public Privacy.IUserDataExport? DataExport { get; init; }

    /// <summary>Set by <c>forget_user</c>: the engine erases the user after the turn instead of saving it.</summary>
    public bool ForgetRequested { get; private set; }

    public void MarkUserChanged() => UserChanged = true;

    public void RequestForget() => ForgetRequested = true;

    public void Say(string text) => replies.Add(Reply.Say(text));

    /// <summary>Adds a whole reply (an exercise with its picture and buttons).</summary>
    public void Show(Reply reply) => replies.Add(reply);

    /// <summary>Says a text that holds a bearer secret (<see cref="Reply.CarriesSecret"/>).</summary>
    public void SaySecret(string text) => replies.Add(Reply.Say(text) with { CarriesSecret = true });
}
