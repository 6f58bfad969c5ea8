namespace BalanceBot.Testing;

/// <summary>How long a test waits for an event before failing. Generous: CI runs on 2 cores alongside other tests.</summary>
internal static class Deadline
{
    public static TimeSpan Default { get; } = TimeSpan.FromSeconds(20);
}
