using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;

namespace BalanceBot.Core.Checkup;

/// <summary>
/// <c>action: keep_checkup</c>: adds {area, level, date} of the running check-up to the user's history. Used only after
/// the user agreed; nothing else of the check-up is kept.
/// </summary>
public sealed class KeepCheckupAction(IReminderStore reminders, TimeProvider time) : IDialogAction
{
    private static readonly string[] NeededValues = ["area"];

    public string Name => "keep_checkup";

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues)
    {
        ArgumentNullException.ThrowIfNull(definedValues);
        return NeededValues.Where(n => !definedValues.Contains(n)).Select(n => $"needs a value '{n}' saved earlier in this dialog");
    }

    public async ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Values.TryGetValue("area", out var area))
        {
            context.User.CheckupHistory.Add(new CheckupRecord(area, TriageLevels.Current(context.Values), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)));
            context.MarkUserChanged();

            // The last check-up a user kept sets the focus of their movement prompts (issue 4).
            if (await reminders.FindAsync(context.User.Key, cancellationToken).ConfigureAwait(false) is { } subscription)
            {
                subscription.FocusArea = area;
                await reminders.SaveAsync(subscription, cancellationToken).ConfigureAwait(false);
            }
        }

        return DialogActionResult.Continue;
    }
}
