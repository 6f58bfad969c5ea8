using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Reminders;

/// <summary><c>action: stop_reminders</c>: removes the user's reminder subscription (after they confirmed).</summary>
public sealed class StopRemindersAction(IReminderStore reminders) : IDialogAction
{
    public string Name => "stop_reminders";

    public async ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await reminders.DeleteAsync(context.User.Key, cancellationToken).ConfigureAwait(false);

        return DialogActionResult.Continue;
    }
}
