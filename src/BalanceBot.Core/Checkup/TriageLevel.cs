namespace BalanceBot.Core.Checkup;

/// <summary>
/// The five ordered triage levels (triage.md §1). A check-up's level is the highest level any answer triggered; it
/// is never lowered. The snake_case names are written in dialog files and persisted: treat them as API.
/// </summary>
public enum TriageLevel
{
    SelfCare = 0,
    PhysioOrGpRoutine = 1,
    GpSoon = 2,
    UrgentSameDay = 3,
    Emergency = 4,
}
