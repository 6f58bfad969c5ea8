namespace BalanceBot.Core.Checkup;

/// <summary>What the free-text safety scan found in a message (triage.md §2.1 item 1).</summary>
public enum SafetyConcern
{
    None,

    /// <summary>Words that can mean a medical emergency: answered with the emergency number at once.</summary>
    Emergency,

    /// <summary>Crisis or self-harm language: answered with crisis resources at once, before anything else.</summary>
    Crisis,
}
