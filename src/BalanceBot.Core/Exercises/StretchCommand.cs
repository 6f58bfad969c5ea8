using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Exercises;

/// <summary>
/// <c>stretch</c>, <c>/stretch</c>, <c>stretch neck</c>, <c>stretch my lower back</c>, <c>neck stretch</c>: one exercise
/// at once, outside any dialog (issue 3). The area words map to the library's areas.
/// </summary>
public static class StretchCommand
{
    private static readonly (string Words, string Area)[] AreaWords =
    [
        ("upper back", "upper_back"), ("shoulder blades", "upper_back"), ("between my shoulder blades", "upper_back"),
        ("lower back", "lower_back"), ("low back", "lower_back"), ("back", "lower_back"),
        ("neck", "neck"), ("shoulders", "shoulder"), ("shoulder", "shoulder"),
        ("wrists", "arm_hand"), ("wrist", "arm_hand"), ("hands", "arm_hand"), ("hand", "arm_hand"), ("forearms", "arm_hand"),
        ("forearm", "arm_hand"), ("arms", "arm_hand"), ("arm", "arm_hand"), ("elbow", "arm_hand"), ("fingers", "arm_hand"),
        ("hips", "hip"), ("hip", "hip"), ("knees", "knee"), ("knee", "knee"),
        ("calves", "calf_leg"), ("calf", "calf_leg"), ("legs", "calf_leg"), ("leg", "calf_leg"), ("shins", "calf_leg"),
        ("whole body", "general"), ("everything", "general"), ("general", "general"), ("full body", "general"),
    ];

    /// <summary>
    /// True when the text is worded as a stretch request ("stretch ...", "... stretch", a few words), whatever area
    /// it names: the understanding layer then reads the area words this list does not know ("stretch chest").
    /// </summary>
    public static bool IsStretchWording(string normalized)
    {
        var tokens = InputText.Tokens(normalized);
        return tokens.Length is > 0 and <= 6 && (tokens[0] is "stretch" or "/stretch" || tokens[^1] is "stretch");
    }

    /// <summary>True when the text asks for a stretch; <paramref name="area"/> is the area named, if any.</summary>
    public static bool TryParse(string normalized, out string? area)
    {
        area = null;
        var tokens = InputText.Tokens(normalized);
        if (tokens.Length == 0 || tokens.Length > 6 || !(tokens[0] is "stretch" or "/stretch" || tokens[^1] is "stretch"))
        {
            return false;
        }

        var rest = " " + string.Join(' ', tokens.Where(t => t is not ("stretch" or "/stretch" or "my" or "for" or "the" or "a" or "please"))) + " ";
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
