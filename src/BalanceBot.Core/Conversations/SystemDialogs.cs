namespace BalanceBot.Core.Conversations;

/// <summary>Dialogs the engine itself starts; every deployment's dialogs/ folder must define them.</summary>
public static class SystemDialogs
{
    /// <summary>First contact: what BalanceBot does, the disclaimer and what it stores.</summary>
    public const string Welcome = "welcome";

    /// <summary>What the user can do; also where an unrecognised opening message lands.</summary>
    public const string Menu = "menu";

    /// <summary>Shown on top of the current dialog on "help"; the interrupted question is asked again afterwards.</summary>
    public const string Help = "help";

    /// <summary>Said after "cancel".</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Said after three answers in a row that were not understood, before showing help.</summary>
    public const string NotUnderstood = "not_understood";

    /// <summary>Started when a message contains emergency words, from any step (triage.md §2.1 item 1).</summary>
    public const string Emergency = "emergency";

    /// <summary>Started when a message contains crisis or self-harm language, from any step (triage.md §4.1 item 5).</summary>
    public const string Crisis = "crisis";

    /// <summary>Asks whether an emergency sign the user mentioned as absent ("no chest pain") is happening (issue 16).</summary>
    public const string EmergencyCheck = "emergency_check";

    /// <summary>Confirms "stop reminders", which works from anywhere.</summary>
    public const string StopReminders = "stop_reminders";

    /// <summary>Asks before moving reminders to a time zone the chat app newly reports.</summary>
    public const string TimeZoneChanged = "time_zone_changed";

    /// <summary>Asks "Did you mean ...?" for an ambiguous message or a near miss of a command (issue 16).</summary>
    public const string DidYouMean = "did_you_mean";

    /// <summary>Says back what a complaint that starts the check-up was read as, with Yes / Change (issue 16).</summary>
    public const string Understood = "understood";

    /// <summary>
    /// Dialogs whose id starts with this answer small talk ("thanks", "hi", "done" with no reminder waiting): said on
    /// top of whatever is going on, after which the interrupted question is asked again.
    /// </summary>
    public const string SmallTalkPrefix = "small_talk_";

    /// <summary>Small talk counts only in a message this short: "thanks, but my knee is worse" is not small talk.</summary>
    public const int SmallTalkMaxWords = 4;

    public static bool IsSmallTalk(string dialogId) => dialogId.StartsWith(SmallTalkPrefix, StringComparison.Ordinal);

    public static IReadOnlyList<string> All { get; } = [Welcome, Menu, Help, Cancelled, NotUnderstood, Emergency, Crisis, StopReminders, TimeZoneChanged];
}
