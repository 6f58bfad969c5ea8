using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Users;

/// <summary>
/// <c>action: forget_user</c>: after the user confirmed, asks the engine to erase them. The engine does it once the
/// dialog has run, so nothing of the turn is saved again afterwards.
/// </summary>
public sealed class ForgetUserAction : IDialogAction
{
    public string Name => "forget_user";

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RequestForget();
        return ValueTask.FromResult(DialogActionResult.End);
    }
}
