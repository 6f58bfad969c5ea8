using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Reminders;

/// <summary><c>action: stop_reminders</c>: removes the user's reminder subscription (after they confirmed).</summary>
public sealed class StopRemindersAction : IDialogAction
{
    public string Name => "stop_reminders";

    public IReadOnlyList<DialogActionParameter> Parameters { get; } = [];

    public IReadOnlyList<string> Outputs { get; } = [];

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues) => [];

    public async ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Reminders is { } reminders)
        {
            await reminders.DeleteAsync(context.User.Key, cancellationToken).ConfigureAwait(false);
        }

        return DialogActionResult.Continue;
    }
}
