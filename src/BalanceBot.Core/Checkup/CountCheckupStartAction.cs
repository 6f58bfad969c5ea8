using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Checkup;

/// <summary>
/// <c>action: count_checkup_start</c>: notes the date a check-up began, and nothing else about it, so the wellness team
/// can see how many were started (suppressed like every statistic). Dates older than a year are dropped.
/// </summary>
public sealed class CountCheckupStartAction(TimeProvider time) : IDialogAction
{
    /// <summary>How long a start is kept: the statistics never look back further.</summary>
    public const int KeptDays = 366;

    public string Name => "count_checkup_start";

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Privacy.Consent.IsWithdrawn(context.User))
        {
            return ValueTask.FromResult(DialogActionResult.Continue);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        context.User.CheckupStarts.RemoveAll(d => d < today.AddDays(-KeptDays));
        context.User.CheckupStarts.Add(today);
        context.MarkUserChanged();
        return ValueTask.FromResult(DialogActionResult.Continue);
    }
}
