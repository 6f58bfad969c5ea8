using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Exercises;

/// <summary>
/// <c>stretch</c>, <c>/stretch</c>, <c>stretch neck</c>, <c>stretch my hamstrings</c>, <c>neck stretch</c>,
/// <c>strengthen my upper back</c>: one exercise at once, outside any dialog (issues 3 and 18). Area and muscle words
/// map to the library's areas; a stretch unless the message asks to strengthen.
/// </summary>
public static class StretchCommand
{
    private static readonly (string Words, string Area)[] AreaWords =
    [
        ("upper back", "upper_back"), ("shoulder blades", "upper_back"), ("between my shoulder blades", "upper_back"),
        ("chest", "upper_back"), ("pecs", "upper_back"), ("pectorals", "upper_back"), ("lats", "upper_back"), ("posture", "upper_back"),
        ("lower back", "lower_back"), ("low back", "lower_back"), ("abs", "lower_back"), ("stomach", "lower_back"), ("core", "lower_back"),
        ("back", "lower_back"), ("spine", "lower_back"),
        ("neck", "neck"), ("traps", "neck"), ("trapezius", "neck"), ("jaw", "neck"),
        ("shoulders", "shoulder"), ("shoulder", "shoulder"), ("rotator cuff", "shoulder"), ("deltoids", "shoulder"),
        ("wrists", "arm_hand"), ("wrist", "arm_hand"), ("hands", "arm_hand"), ("hand", "arm_hand"), ("forearms", "arm_hand"),
        ("forearm", "arm_hand"), ("arms", "arm_hand"), ("arm", "arm_hand"), ("elbow", "arm_hand"), ("fingers", "arm_hand"),
        ("thumbs", "arm_hand"), ("biceps", "arm_hand"), ("triceps", "arm_hand"),
        ("hip flexors", "hip"), ("hips", "hip"), ("hip", "hip"), ("glutes", "hip"), ("buttocks", "hip"), ("bum", "hip"),
        ("groin", "hip"), ("inner thighs", "hip"), ("adductors", "hip"),
        ("hamstrings", "knee"), ("hamstring", "knee"), ("quads", "knee"), ("quadriceps", "knee"), ("thighs", "knee"),
        ("knees", "knee"), ("knee", "knee"),
        ("calves", "calf_leg"), ("calf", "calf_leg"), ("legs", "calf_leg"), ("leg", "calf_leg"), ("shins", "calf_leg"),
        ("ankles", "calf_leg"), ("feet", "calf_leg"),
        ("whole body", "general"), ("everything", "general"), ("general", "general"), ("full body", "general"), ("sides", "general"),
    ];

    /// <summary>Muscle words, and the word the exercise's name or targets use for them (so "hamstrings" gets a hamstring stretch).</summary>
    private static readonly (string Words, string Targets)[] MuscleWords =
    [
        ("chest", "chest"), ("pecs", "chest"), ("pectorals", "chest"), ("traps", "trapezius"), ("trapezius", "trapezius"),
        ("hamstring", "hamstring"), ("quads", "quadriceps"), ("quadriceps", "quadriceps"), ("thighs", "quadriceps"),
        ("glutes", "glute"), ("buttocks", "glute"), ("bum", "glute"), ("hip flexors", "hip flexor"),
        ("groin", "adductor"), ("inner thighs", "adductor"), ("adductors", "adductor"), ("calves", "calf"), ("calf", "calf"),
        ("shins", "shin"), ("forearm", "forearm"), ("triceps", "triceps"), ("biceps", "biceps"), ("lats", "latissimus"),
        ("fingers", "finger"), ("thumbs", "thumb"),
    ];

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "stretch", "/stretch", "stretches", "stretching", "strengthen", "strengthening", "my", "for", "the", "a", "an", "please",
        "some", "out", "muscles", "muscle", "exercise", "exercises", "me", "give", "i", "want", "to", "of",
    };

    /// <summary>
    /// True when the text is worded as a stretch or strengthening request ("stretch ...", "... stretch",
    /// "strengthen ..."), a few words, whatever area it names: the understanding layer then reads area words this
    /// list does not know.
    /// </summary>
    public static bool IsStretchWording(string normalized)
    {
        var tokens = InputText.Tokens(normalized);
        return tokens.Length is > 0 and <= 6 && (tokens[0] is "stretch" or "/stretch" or "strengthen" or "strengthening" || tokens[^1] is "stretch" or "stretches");
    }

    /// <summary>Strengthening when the message says so; otherwise a stretch, something to do at a desk.</summary>
    public static ExerciseKind KindAsked(string normalized) =>
        InputText.Tokens(normalized).Any(t => t.StartsWith("strength", StringComparison.Ordinal)) ? ExerciseKind.Strengthen : ExerciseKind.Stretch;

    /// <summary>The word an exercise's name or targets would use for the muscle the message names, if it names one.</summary>
    public static string? MuscleNamed(string normalized)
    {
        var padded = " " + normalized + " ";
        foreach (var (words, targets) in MuscleWords)
        {
            if (padded.Contains(" " + words, StringComparison.Ordinal))
            {
                return targets;
            }
        }

        return null;
    }

    /// <summary>True when the text asks for a stretch; <paramref name="area"/> is the area named, if any.</summary>
    public static bool TryParse(string normalized, out string? area)
    {
        area = null;
        if (!IsStretchWording(normalized))
        {
            return false;
        }

        var rest = " " + string.Join(' ', InputText.Tokens(normalized).Where(t => !Fillers.Contains(t))) + " ";
        if (rest.Trim().Length == 0)
        {
            return true;
        }

        foreach (var (words, mapped) in AreaWords)
        {
            if (rest.Contains(" " + words + " ", StringComparison.Ordinal))
            {
                area = mapped;
                return true;
            }
        }

        // "stretch break", "stretch please later": not a request for a particular area this command understands.
        return false;
    }
}
