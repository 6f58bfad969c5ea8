using System.Text.RegularExpressions;

namespace BalanceBot.Core.Conversations;

/// <summary><c>{name}</c> in dialog text: filled from the dialog's values, then from the built-ins below.</summary>
internal static partial class Placeholders
{
    /// <summary>What the user likes to be called, else their channel display name, else "there".</summary>
    public const string UserName = "user_name";

    /// <summary>The user's emergency number in words, e.g. "999 (or 112)", or "your local emergency number".</summary>
    public const string EmergencyNumber = "emergency_number";

    /// <summary>Where to get a doctor today, e.g. "NHS 111 … or an urgent GP appointment".</summary>
    public const string UrgentHelp = "urgent_help";

    /// <summary>The crisis line in words, e.g. "Samaritans on 116 123 (free, 24/7)".</summary>
    public const string CrisisLine = "crisis_line";

    /// <summary>
    /// What a complaint was read as, e.g. "Lower back, 2 to 6 weeks" (labels from the check-up): set by the engine in
    /// the <c>understood</c> dialog only; empty anywhere else.
    /// </summary>
    public const string Understood = "understood";

    public static IReadOnlySet<string> BuiltIns { get; } = new HashSet<string>(StringComparer.Ordinal) { UserName, EmergencyNumber, UrgentHelp, CrisisLine, Understood };

    public static IEnumerable<string> NamesIn(string? text) =>
        text is null ? [] : PlaceholderPattern().Matches(text).Select(m => m.Groups["name"].Value);

    public static string Fill(string text, Func<string, string?> lookup) =>
        text.Contains('{', StringComparison.Ordinal)
            ? PlaceholderPattern().Replace(text, m => lookup(m.Groups["name"].Value) ?? string.Empty)
            : text;

    [GeneratedRegex(@"\{(?<name>[a-z][a-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}
