using System.Text.RegularExpressions;

namespace BalanceBot.Core.Conversations;

/// <summary><c>{name}</c> in dialog text: filled from the dialog's values, then from the built-ins below.</summary>
internal static partial class Placeholders
{
    /// <summary>What the user likes to be called, else their channel display name, else "there".</summary>
    public const string UserName = "user_name";

    public static IReadOnlySet<string> BuiltIns { get; } = new HashSet<string>(StringComparer.Ordinal) { UserName };

    public static IEnumerable<string> NamesIn(string? text) =>
        text is null ? [] : PlaceholderPattern().Matches(text).Select(m => m.Groups["name"].Value);

    public static string Fill(string text, Func<string, string?> lookup) =>
        text.Contains('{', StringComparison.Ordinal)
            ? PlaceholderPattern().Replace(text, m => lookup(m.Groups["name"].Value) ?? string.Empty)
            : text;

    [GeneratedRegex(@"\{(?<name>[a-z][a-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}
