using System.Globalization;
using BalanceBot.Core.Conversations;
using NodaTime;
using NodaTime.Text;

namespace BalanceBot.Core.Reminders;

/// <summary>
/// <c>action: save_reminders</c>: builds the schedule from the dialog's answers (<c>time_zone</c>, <c>days</c>,
/// <c>start</c>, <c>end</c>, <c>interval</c>), saves the subscription with its next slot computed at once, and sets
/// <c>{next_due}</c>. An impossible schedule goes to <c>invalid</c> with <c>{reminder_problem}</c> set.
/// </summary>
public sealed class SaveRemindersAction(IReminderStore reminders, TimeProvider time) : IDialogAction
{
    private static readonly string[] NeededValues = ["time_zone", "days", "start", "end", "interval", "focus", "quiet"];
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalDateTimePattern WhenPattern = LocalDateTimePattern.CreateWithInvariantCulture("ddd d MMM 'at' HH:mm");

    public string Name => "save_reminders";

    public IReadOnlyList<DialogActionParameter> Parameters { get; } =
        [new("invalid", true, IsStepReference: true), new("invalid_quiet", true, IsStepReference: true)];

    public IReadOnlyList<string> Outputs { get; } = ["next_due", "reminder_problem"];

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues)
    {
        ArgumentNullException.ThrowIfNull(definedValues);
        return NeededValues.Where(n => !definedValues.Contains(n)).Select(n => $"needs a value '{n}' saved earlier in this dialog");
    }

    public async ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = context.Values;
        var zone = values["time_zone"];
        if (!TryReadQuietHours(values["quiet"], out var quiet))
        {
            values["reminder_problem"] = "I couldn't read that as a time range. Try something like 12:00-13:00, or \"no\".";
            return DialogActionResult.Goto(context.Args["invalid_quiet"]);
        }

        var schedule = ReminderSchedule.Default(zone) with
        {
            Days = ReadWorkingDaysAction.Parse(values["days"]),
            Start = TimePattern.Parse(values["start"]).Value,
            End = TimePattern.Parse(values["end"]).Value,
            IntervalMinutes = int.Parse(values["interval"].Replace("every_", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture),
            QuietStart = quiet?.Start,
            QuietEnd = quiet?.End,
        };
        if (schedule.Problems().FirstOrDefault() is { } problem)
        {
            values["reminder_problem"] = $"That doesn't work: {problem}.";
            return DialogActionResult.Goto(context.Args["invalid"]);
        }

        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var subscription = await reminders.FindAsync(context.User.Key, cancellationToken).ConfigureAwait(false)
            ?? new ReminderSubscription { UserKey = context.User.Key, Schedule = schedule };
        subscription.Schedule = schedule with { DaysOff = subscription.Schedule.DaysOff };
        subscription.FocusArea = values["focus"] == "any" ? null : values["focus"];
        subscription.Unreachable = false;
        subscription.PausedUntilUtc = null;
        subscription.UnansweredInARow = 0;
        subscription.Reschedule(now);
        await reminders.SaveAsync(subscription, cancellationToken).ConfigureAwait(false);

        values["next_due"] = subscription.NextDueUtc is { } due
            ? $"on {WhenPattern.Format(due.InZone(TimeZoneIds.Zone(zone)).LocalDateTime)} ({zone})"
            : "when your next working day starts";
        return DialogActionResult.Continue;
    }

    /// <summary>"no" (or "none") is no quiet hours; otherwise two times of day separated by "-" or "to".</summary>
    private static bool TryReadQuietHours(string text, out (LocalTime Start, LocalTime End)? quiet)
    {
        quiet = null;
        var normalized = InputText.Normalize(text);
        if (normalized is "no" or "none" or "nope" or "no thanks" or "n")
        {
            return true;
        }

        var parts = normalized.Split(['-', '–'], 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            parts = normalized.Split(" to ", 2, StringSplitOptions.TrimEntries);
        }

        if (parts.Length != 2 || AnswerRecognizers.TimeOfDay(parts[0]) is not { } from || AnswerRecognizers.TimeOfDay(parts[1]) is not { } to)
        {
            return false;
        }

        var (start, end) = (TimePattern.Parse(from).Value, TimePattern.Parse(to).Value);
        if (start >= end)
        {
            return false;
        }

        quiet = (start, end);
        return true;
    }
}
