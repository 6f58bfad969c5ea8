namespace BalanceBot.EndToEnd.Tests;

/// <summary>The built app runs on the real clock, so reminder tests pick real whole-minute slots.</summary>
internal static class RealClockSlots
{
    /// <summary>
    /// The first whole minute at least 30 s away. The setup conversation must finish before the slot: a slot only
    /// seconds away is missed on a loaded machine, and the prompt then comes half an hour later.
    /// </summary>
    public static DateTimeOffset FirstReminderSlot()
    {
        var now = TimeProvider.System.GetUtcNow();
        return now.AddMinutes(now.Second < 30 ? 1 : 2);
    }
}
