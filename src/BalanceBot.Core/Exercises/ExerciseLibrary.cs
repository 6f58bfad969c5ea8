namespace BalanceBot.Core.Exercises;

/// <summary>The validated exercise library, by id and by body area.</summary>
public sealed class ExerciseLibrary
{
    /// <summary>The body areas exercises are filed under: the check-up's area choice ids.</summary>
    public static IReadOnlyList<string> Areas { get; } = ["neck", "shoulder", "upper_back", "lower_back", "arm_hand", "hip", "knee", "calf_leg", "general"];

    /// <summary>Seed text and triage.md §4.1 item 8: said with every exercise, whatever its own stop rules.</summary>
    public const string UniversalStopRule =
        "As soon as your muscles begin to tremble, take a break. Stop at once for sharp or increasing pain or new numbness or tingling, " +
        "and call {emergency_number} if you get chest pain, breathlessness, or feel faint or dizzy.";

    private readonly Dictionary<string, Exercise> _byId;

    public ExerciseLibrary(IReadOnlyList<Exercise> exercises)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        All = exercises;
        _byId = exercises.DistinctBy(e => e.Id).ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    public static ExerciseLibrary Empty { get; } = new([]);

    public IReadOnlyList<Exercise> All { get; }

    public Exercise? Find(string id) => _byId.GetValueOrDefault(id);

    public IReadOnlyList<Exercise> ForArea(string area) => All.Where(e => e.Areas.Contains(area, StringComparer.Ordinal)).ToList();

    /// <summary>
    /// The next exercise for an area (or any area), never the one shown last time when there is a choice; the
    /// library's order is the rotation.
    /// </summary>
    public Exercise? Next(string? area, string? lastShownId)
    {
        var candidates = area is null ? All : ForArea(area);
        if (candidates.Count == 0)
        {
            return null;
        }

        var last = candidates.ToList().FindIndex(e => e.Id == lastShownId);
        return candidates[(last + 1) % candidates.Count];
    }
}
