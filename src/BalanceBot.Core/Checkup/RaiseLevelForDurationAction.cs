using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Checkup;

/// <summary>
/// <c>action: raise_level_for_duration</c>: when no red flag fired, how long it has lasted decides whether self-care is
/// still enough or a physiotherapist or GP should look at it. Thresholds per area from triage.md §3.4 (verified
/// NHS service thresholds); reads the saved values <c>area</c> and <c>duration</c>.
/// </summary>
public sealed class RaiseLevelForDurationAction : IDialogAction
{
    /// <summary>Duration answers, as choice ids, in weeks at least.</summary>
    private static readonly Dictionary<string, int> WeeksAtLeast = new(StringComparer.Ordinal)
    {
        ["under_1_week"] = 0,
        ["weeks_1_to_2"] = 1,
        ["weeks_2_to_6"] = 2,
        ["over_6_weeks"] = 6,
    };

    /// <summary>From how many weeks on an area needs a physiotherapist or GP (triage.md §3.4).</summary>
    private static readonly Dictionary<string, int> ThresholdWeeks = new(StringComparer.Ordinal)
    {
        ["shoulder"] = 2,      // not better after 2 weeks [NHS-SHOULDER]
        ["neck"] = 2,          // not gone after a few weeks [NHS-NECK]
        ["upper_back"] = 2,    // (upper back already has an urgent floor; kept for completeness)
        ["lower_back"] = 6,    // not better after about 6 weeks [MAKEITVISIBLE-BACK][NHS-BORDERS-LBP]
        ["arm_hand"] = 6,      // most settle within 6 weeks [NHSINF-HAND]
        ["hip"] = 2,           // ache and stiffness lasting several weeks [UCLH-HIP]
        ["knee"] = 2,          // 1-2 weeks of self-management for acute non-traumatic pain [HWE-KNEE]
        ["calf_leg"] = 2,      // cramps disturbing sleep or not settling [NHS-CRAMPS]
        ["general"] = 1,       // aches without a clear reason over 1-2 weeks: GP (seed text)
    };

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
    public static IReadOnlyCollection<string> DurationChoiceIds => WeeksAtLeast.Keys;

    /// <summary>The area choice ids this rule knows.</summary>
    public static IReadOnlyCollection<string> AreaIds => ThresholdWeeks.Keys;

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var weeks = WeeksAtLeast.GetValueOrDefault(context.Values.GetValueOrDefault("duration") ?? string.Empty, 0);

        // An unknown area is treated as the strictest threshold: doubt escalates (triage.md §4.1 item 3).
        var threshold = ThresholdWeeks.GetValueOrDefault(context.Values.GetValueOrDefault("area") ?? string.Empty, 1);
        if (weeks >= threshold)
        {
            TriageLevels.Raise(context.Values, TriageLevel.PhysioOrGpRoutine);
        }

        return ValueTask.FromResult(DialogActionResult.Continue);
    }
}
