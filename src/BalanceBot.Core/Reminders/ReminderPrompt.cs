using BalanceBot.Core.Conversations;
using BalanceBot.Core.Exercises;

namespace BalanceBot.Core.Reminders;

/// <summary>What a movement prompt says and the buttons under it (issue 4).</summary>
public static class ReminderPrompt
{
    public const string Done = "reminder_done";
    public const string Snooze10 = "reminder_snooze_10";
    public const string Snooze30 = "reminder_snooze_30";
    public const string Skip = "reminder_skip";
    public const string PauseToday = "reminder_pause_today";

    public static IReadOnlyList<ReplyChoice> Buttons { get; } =
    [
        new(Done, "Done"),
        new(Snooze10, "Snooze 10 min"),
        new(Snooze30, "Snooze 30 min"),
        new(Skip, "Skip"),
        new(PauseToday, "Pause for today"),
    ];

    /// <summary>Said once when prompts back off after going unanswered (issue 4: ask whether the schedule suits).</summary>
    public static Reply BackoffQuestion { get; } = Reply.Say(
        "The last few reminders went unanswered, so I'll send them half as often for the rest of today. " +
        "Does the schedule suit you? Type \"reminders\" to change it, or \"pause for today\" for a break.");

    public static Reply For(Exercise exercise, ExerciseLibrary library, Func<string, string?> builtIns) =>
        new(
            "Time for a short movement break.\n" + Placeholders.Fill(ExerciseText.Render(exercise, library), builtIns),
            Buttons,
            ExpectsInput: true);
}
