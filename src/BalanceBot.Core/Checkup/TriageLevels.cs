namespace BalanceBot.Core.Checkup;

/// <summary>The names of <see cref="TriageLevel"/> as written in dialog files and state.</summary>
public static class TriageLevels
{
    private static readonly Dictionary<string, TriageLevel> ByName = new(StringComparer.Ordinal)
    {
        ["self_care"] = TriageLevel.SelfCare,
        ["physio_or_gp_routine"] = TriageLevel.PhysioOrGpRoutine,
        ["gp_soon"] = TriageLevel.GpSoon,
        ["urgent_same_day"] = TriageLevel.UrgentSameDay,
        ["emergency"] = TriageLevel.Emergency,
    };

    /// <summary>The dialog value that holds the running level of a check-up. Set only by the engine.</summary>
    public const string ValueName = "triage_level";

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string name, out TriageLevel level) => ByName.TryGetValue(name, out level);

    public static string Name(TriageLevel level) => ByName.First(pair => pair.Value == level).Key;

    /// <summary>The level saved in a dialog's values; self_care when nothing raised it.</summary>
    public static TriageLevel Current(IReadOnlyDictionary<string, string> values) =>
        values.TryGetValue(ValueName, out var name) && TryParse(name, out var level) ? level : TriageLevel.SelfCare;

    /// <summary>Raises the saved level to <paramref name="level"/> if that is higher; never lowers it.</summary>
    public static void Raise(IDictionary<string, string> values, TriageLevel level)
    {
        if (level > Current((IReadOnlyDictionary<string, string>)values))
        {
            values[ValueName] = Name(level);
        }
    }
}
