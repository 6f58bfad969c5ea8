namespace BalanceBot.Core.Exercises;

/// <summary>The validated exercise library, by id and by body area.</summary>
public sealed class ExerciseLibrary
{
    /// <summary>The body areas exercises are filed under: the check-up's area choice ids.</summary>
    public static IReadOnlyList<string> Areas { get; } = ["neck", "shoulder", "upper_back", "lower_back", "arm_hand", "hip", "knee", "calf_leg", "general"];

    private readonly Dictionary<string, Exercise> _byId;

    public ExerciseLibrary(IReadOnlyList<Exercise> exercises, ExerciseWording? wording = null)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        All = exercises;
        Wording = wording ?? ExerciseWording.Empty;
        _byId = exercises.DistinctBy(e => e.Id).ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    public static ExerciseLibrary Empty { get; } = new([]);

    public IReadOnlyList<Exercise> All { get; }

    /// <summary>The words around every exercise, including the seed text's stop rule (triage.md §4.1 item 8).</summary>
    public ExerciseWording Wording { get; }

    public Exercise? Find(string id) => _byId.GetValueOrDefault(id);

    public IReadOnlyList<Exercise> ForArea(string area) => All.Where(e => e.Areas.Contains(area, StringComparer.Ordinal)).ToList();

    /// <summary>
    /// The next exercise for an area (or any area), never the one shown last time when there is a choice; the
    /// library's order is the rotation.
    /// </summary>
    /// <param name="kind">Only this kind when the area has one (a "stretch" request gets a stretch); null for either.</param>
    /// <param name="targeting">Prefer exercises whose name or targets mention this muscle word ("hamstring").</param>
    public Exercise? Next(string? area, string? lastShownId, ExerciseKind? kind = null, string? targeting = null)
    {
        var inArea = area is null ? All : ForArea(area);
        var ofKind = kind is null ? inArea : inArea.Where(e => e.Kind == kind).ToList();
        var candidates = ofKind.Count > 0 ? ofKind : inArea;
        var aimed = targeting is null ? [] : candidates.Where(e => Mentions(e, targeting)).ToList();
        candidates = aimed.Count > 0 ? aimed : candidates;
        if (candidates.Count == 0)
        {
            return null;
        }

        var last = candidates.ToList().FindIndex(e => e.Id == lastShownId);
        return candidates[(last + 1) % candidates.Count];
    }

    private static bool Mentions(Exercise exercise, string word) =>
        exercise.Targets.Contains(word, StringComparison.OrdinalIgnoreCase) || exercise.Name.Contains(word, StringComparison.OrdinalIgnoreCase);
}
