using BalanceBot.Core.Conversations;
using BalanceBot.Core.Users;

namespace BalanceBot.Core.Privacy;

/// <summary>
/// <c>action: withdraw_consent</c> (issue 8): undoes every opt-in in one go: reminders stop and their schedule and
/// stats go, kept check-ups and check-up start dates go, wellness-team messages are muted, and no new start is
/// counted. What BalanceBot needs to answer at all (chat id, name, settings) stays; "forget me" deletes that too.
/// </summary>
public sealed class WithdrawConsentAction(Reminders.IReminderStore reminders) : IDialogAction
{
    public string Name => "withdraw_consent";

    public async ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        var changed = new List<string>();
        if (await reminders.FindAsync(user.Key, cancellationToken).ConfigureAwait(false) is not null)
        {
            await reminders.DeleteAsync(user.Key, cancellationToken).ConfigureAwait(false);
            changed.Add("your movement reminders stopped, and their schedule and stats are deleted");
        }

        if (user.CheckupHistory.Count > 0)
        {
            changed.Add(user.CheckupHistory.Count == 1 ? "the check-up you kept is deleted" : $"the {user.CheckupHistory.Count} check-ups you kept are deleted");
            user.CheckupHistory.Clear();
        }

        if (user.CheckupStarts.Count > 0)
        {
            changed.Add("the dates you started check-ups are deleted, and new ones won't be counted");
            user.CheckupStarts.Clear();
        }

        if (!Consent.IsWithdrawn(user) || user.Preferences.GetValueOrDefault(PreferenceNames.Broadcasts) != PreferenceNames.Muted)
        {
            changed.Add("wellness-team messages are muted");
        }

        user.Preferences[PreferenceNames.Broadcasts] = PreferenceNames.Muted;
        user.Preferences[PreferenceNames.Consent] = Consent.Withdrawn;
        context.MarkUserChanged();
        context.Say(changed.Count == 0
            ? "Nothing to withdraw: you had not opted in to anything."
            : "Done: " + string.Join("; ", changed) + ". Type \"reminders\" if you'd like reminders again, or \"forget me\" to delete everything else.");
        return DialogActionResult.Continue;
    }
}

/// <summary>Whether a user withdrew their consent to optional storage (the <c>consent</c> preference).</summary>
public static class Consent
{
    public const string Withdrawn = "withdrawn";

    public static bool IsWithdrawn(UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Preferences.GetValueOrDefault(PreferenceNames.Consent) == Withdrawn;
    }
}
