using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Checkup;

/// <summary>
/// <c>action: raise_level_for_duration</c>: when no red flag fired, how long it has lasted and how it is going decide
/// whether self-care is still enough or a physiotherapist or GP should look at it. Thresholds in days per area from
/// triage.md §3.4 (verified NHS service thresholds). Reads the saved values <c>area</c> and <c>duration</c>, and
/// when asked <c>course</c> (better, same, worse, comes and goes) and <c>leg</c> (lower back pain down one leg).
/// </summary>
public sealed class RaiseLevelForDurationAction : IDialogAction
{
    /// <summary>Duration answers, as choice ids, by the first day of their band (bands meet, never overlap).</summary>
    private static readonly Dictionary<string, int> DaysAtLeast = new(StringComparer.Ordinal)
    {
        ["under_1_week"] = 0,
        ["weeks_1_to_2"] = 7,
        ["weeks_2_to_3"] = 15,
        ["weeks_3_to_6"] = 21,
        ["weeks_6_to_12"] = 43,
        ["over_3_months"] = 91,
    };

    /// <summary>From which day on an area needs a physiotherapist or GP (triage.md §3.4): "not better after 2 weeks" is day 15.</summary>
    private static readonly Dictionary<string, int> ThresholdDays = new(StringComparer.Ordinal)
    {
        ["shoulder"] = 15,     // not better after 2 weeks [NHS-SHOULDER]
        ["neck"] = 21,         // not gone after a few weeks [NHS-NECK]
        ["upper_back"] = 15,   // no own NHS threshold: the shoulder's
        ["lower_back"] = 43,   // not better after about 6 weeks [MAKEITVISIBLE-BACK][NHS-BORDERS-LBP]
        ["arm_hand"] = 43,     // most settle within 6 weeks [NHSINF-HAND]
        ["hip"] = 15,          // ache and stiffness lasting several weeks [UCLH-HIP]
        ["knee"] = 15,         // 1-2 weeks of self-management for acute non-traumatic pain [HWE-KNEE]
        ["calf_leg"] = 15,     // cramps disturbing sleep or not settling [NHS-CRAMPS]
        ["general"] = 7,       // aches without a clear reason over 1-2 weeks: GP (seed text)
    };

    /// <summary>Sciatica (lower back pain down one leg): not better after a few weeks of home treatment [NHS-SCIATICA].</summary>
    private const int SciaticaThresholdDays = 21;

    private static readonly string[] NeededValues = ["area", "duration"];

    public string Name => "raise_level_for_duration";

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues)
    {
        ArgumentNullException.ThrowIfNull(definedValues);
        foreach (var needed in NeededValues.Where(n => !definedValues.Contains(n)))
        {
            yield return $"needs a value '{needed}' saved earlier in this dialog";
        }
    }

    /// <summary>The choice ids the duration question must offer.</summary>
    public static IReadOnlyCollection<string> DurationChoiceIds => DaysAtLeast.Keys;

    /// <summary>The area choice ids this rule knows.</summary>
    public static IReadOnlyCollection<string> AreaIds => ThresholdDays.Keys;

    /// <summary>The threshold for an area in days; an unknown area gets the strictest (doubt escalates, §4.1 item 3).</summary>
    public static int Threshold(string? area, string? leg) =>
        area == "lower_back" && leg == "one_leg" ? SciaticaThresholdDays : ThresholdDays.GetValueOrDefault(area ?? string.Empty, 7);

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = context.Values;
        var days = DaysAtLeast.GetValueOrDefault(values.GetValueOrDefault("duration") ?? string.Empty, 0);
        var threshold = Threshold(values.GetValueOrDefault("area"), values.GetValueOrDefault("leg"));
        var course = values.GetValueOrDefault("course");

        // Getting worse: see a GP or physio (NHS sciatica and back pages; Infermedica self_care "see a doctor if it
        // gets worse"). Past the threshold and not clearly better: the area's step-up. Clearly better but still there
        // at twice the usual time: a physio or GP should still look.
        var stepUp = course == "worse"
            || (days >= threshold && course != "better")
            || (days >= 2 * threshold && course == "better");
        if (stepUp)
        {
            TriageLevels.Raise(values, TriageLevel.PhysioOrGpRoutine);
        }

        return ValueTask.FromResult(DialogActionResult.Continue);
    }
}
