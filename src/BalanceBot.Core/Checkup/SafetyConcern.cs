namespace BalanceBot.Core.Checkup;

/// <summary>What the free-text safety scan found in a message (triage.md §2.1 item 1).</summary>
public enum SafetyConcern
{
    None,

    /// <summary>
    /// An emergency sign mentioned as absent ("no chest pain", "not numb between my legs"): it is asked about, never
    /// silently dropped, and "not sure" counts as yes.
    /// </summary>
    NegatedEmergency,

    /// <summary>Words that can mean a medical emergency: answered with the emergency number at once.</summary>
    Emergency,

    /// <summary>Crisis or self-harm language: answered with crisis resources at once, before anything else.</summary>
    Crisis,
}
