using System.Globalization;
using System.Text.RegularExpressions;
using BalanceBot.Core.Conversations;
using NodaTime;

namespace BalanceBot.Core.Reminders;

/// <summary>
/// The reminder commands of issue 4, typed or clicked: <c>done</c>, <c>snooze 20</c>, <c>skip</c>, <c>pause for today</c>,
/// <c>pause 2 hours</c>, <c>pause until Monday</c>, <c>resume</c>, <c>stop reminders</c>, <c>next reminder</c>, <c>my stats</c>.
/// </summary>
/// <param name="Minutes">For snooze and timed pauses.</param>
/// <param name="UntilDay">For "pause until Monday" (or tomorrow): the local weekday to resume on.</param>
public sealed partial record ReminderCommand(ReminderCommandKind Kind, int? Minutes = null, IsoDayOfWeek? UntilDay = null, bool UntilTomorrow = false)
{
    public const int DefaultSnoozeMinutes = 10;

    /// <summary>The command behind a prompt button clicked as a card (an id, no text), or null.</summary>
    public static ReminderCommand? FromChoiceId(string? choiceId) => choiceId switch
    {
        ReminderPrompt.Done => new(ReminderCommandKind.Done),
        ReminderPrompt.Snooze10 => new(ReminderCommandKind.Snooze, 10),
        ReminderPrompt.Snooze30 => new(ReminderCommandKind.Snooze, 30),
        ReminderPrompt.Skip => new(ReminderCommandKind.Skip),
        ReminderPrompt.PauseToday => new(ReminderCommandKind.Pause, UntilTomorrow: true),
        _ => null,
    };

    /// <summary>Null when the text is not a reminder command. "done" and "skip" count only outside a dialog.</summary>
    public static ReminderCommand? Parse(string normalized, bool dialogActive)
    {
        switch (normalized)
        {
            case "done" or "did it" or "i did it" or "reminder done" when !dialogActive:
                return new(ReminderCommandKind.Done);
            case "skip" or "skip it" or "skip this one" when !dialogActive:
                return new(ReminderCommandKind.Skip);
            case "skip reminder" or "skip this reminder":
                return new(ReminderCommandKind.Skip);
            case "resume" or "resume reminders" or "unpause" or "/resume":
                return new(ReminderCommandKind.Resume);
            case "stop reminders" or "stop my reminders" or "unsubscribe" or "turn off reminders":
                return new(ReminderCommandKind.Stop);
            case "next reminder" or "when is my next reminder" or "when is the next reminder":
                return new(ReminderCommandKind.Next);
            case "my stats" or "stats" or "/stats":
                return new(ReminderCommandKind.Stats);
            case "pause" or "pause for today" or "pause today" or "/pause":
                return new(ReminderCommandKind.Pause, UntilTomorrow: true);
            case "pause until tomorrow":
                return new(ReminderCommandKind.Pause, UntilTomorrow: true);
            case "day off today" or "day off":
                return new(ReminderCommandKind.DayOff);
            case "day off tomorrow":
                return new(ReminderCommandKind.DayOff, UntilTomorrow: true);
        }

        if (DayOffPattern().Match(normalized) is { Success: true } dayOff
            && Enum.TryParse<IsoDayOfWeek>(dayOff.Groups["day"].Value, ignoreCase: true, out var offDay))
        {
            return new(ReminderCommandKind.DayOff, UntilDay: offDay);
        }

        if (SnoozePattern().Match(normalized) is { Success: true } snooze)
        {
            var minutes = snooze.Groups["n"].Success ? int.Parse(snooze.Groups["n"].Value, CultureInfo.InvariantCulture) : DefaultSnoozeMinutes;
            return minutes is >= 1 and <= 240 ? new(ReminderCommandKind.Snooze, minutes) : null;
        }

        if (PauseForPattern().Match(normalized) is { Success: true } pauseFor)
        {
            var n = int.Parse(pauseFor.Groups["n"].Value, CultureInfo.InvariantCulture);
            var minutes = pauseFor.Groups["unit"].Value[0] switch
            {
                'd' => n * 24 * 60,
                'h' => n * 60,
                _ => n,
            };
            return minutes is >= 1 and <= 60 * 24 * 30 ? new(ReminderCommandKind.Pause, minutes) : null;
        }

        if (PauseUntilPattern().Match(normalized) is { Success: true } pauseUntil
            && Enum.TryParse<IsoDayOfWeek>(pauseUntil.Groups["day"].Value, ignoreCase: true, out var day))
        {
            return new(ReminderCommandKind.Pause, UntilDay: day);
        }

        return null;
    }

    [GeneratedRegex(@"^(?:/?snooze)(?: (?:for )?(?<n>\d{1,3})(?: ?(?:m|min|mins|minute|minutes))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SnoozePattern();

    [GeneratedRegex(@"^/?pause (?:for )?(?<n>\d{1,3}) ?(?<unit>m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days)$", RegexOptions.CultureInvariant)]
    private static partial Regex PauseForPattern();

    [GeneratedRegex(@"^day off (?:on )?(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", RegexOptions.CultureInvariant)]
    private static partial Regex DayOffPattern();

    [GeneratedRegex(@"^/?pause (?:until|till|til) (?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", RegexOptions.CultureInvariant)]
    private static partial Regex PauseUntilPattern();
}
