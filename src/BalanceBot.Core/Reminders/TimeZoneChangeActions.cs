using BalanceBot.Core.Conversations;
using NodaTime;

namespace BalanceBot.Core.Reminders;

/// <summary>
/// <c>action: time_zone_change_check</c>: sets <c>{new_time_zone}</c> from the zone the chat app reports now, or goes to
/// <c>unchanged</c> when it is the user's zone already (issue 4: ask before moving the schedule).
/// </summary>
public sealed class TimeZoneChangeCheckAction : IDialogAction
{
    public string Name => "time_zone_change_check";

    public IReadOnlyList<DialogActionParameter> Parameters { get; } = [new("unchanged", true, IsStepReference: true)];

    public IReadOnlyList<string> Outputs { get; } = ["new_time_zone"];

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reported = TimeZoneIds.Canonicalize(context.Turn.TimeZone);
        if (reported is null || reported == TimeZoneIds.Canonicalize(context.User.TimeZone))
        {
            return ValueTask.FromResult(DialogActionResult.Goto(context.Args["unchanged"]));
        }

        context.Values["new_time_zone"] = reported;
        return ValueTask.FromResult(DialogActionResult.Continue);
    }
}

/// <summary><c>action: apply_time_zone_change</c>: the user agreed: their zone and their reminders move to <c>{new_time_zone}</c>.</summary>
public sealed class ApplyTimeZoneChangeAction(IReminderStore reminders, TimeProvider time) : IDialogAction
{
    public string Name => "apply_time_zone_change";

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues) =>
        definedValues.Contains("new_time_zone") ? [] : ["needs the value 'new_time_zone' (from time_zone_change_check)"];

    public async ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var zone = context.Values["new_time_zone"];
        context.User.TimeZone = zone;
        context.User.Preferences.Remove(DeclinedTimeZone);
        context.MarkUserChanged();
        if (await reminders.FindAsync(context.User.Key, cancellationToken).ConfigureAwait(false) is { } subscription)
        {
            subscription.Schedule = subscription.Schedule with { TimeZoneId = zone };
            subscription.Reschedule(Instant.FromDateTimeOffset(time.GetUtcNow()));
            await reminders.SaveAsync(subscription, cancellationToken).ConfigureAwait(false);
        }

        return DialogActionResult.Continue;
    }

    /// <summary>The user preference that remembers a zone the user said no to, so it is asked once, not every message.</summary>
    public const string DeclinedTimeZone = "declined_time_zone";
}

/// <summary><c>action: decline_time_zone_change</c>: the user said no; remember it so the question is not repeated.</summary>
public sealed class DeclineTimeZoneChangeAction : IDialogAction
{
    public string Name => "decline_time_zone_change";

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues) =>
        definedValues.Contains("new_time_zone") ? [] : ["needs the value 'new_time_zone' (from time_zone_change_check)"];

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.User.Preferences[ApplyTimeZoneChangeAction.DeclinedTimeZone] = context.Values["new_time_zone"];
        context.MarkUserChanged();
        return ValueTask.FromResult(DialogActionResult.Continue);
    }
}
