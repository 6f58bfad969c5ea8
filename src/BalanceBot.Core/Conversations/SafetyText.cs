namespace BalanceBot.Core.Conversations;

/// <summary>
/// Safety text (an emergency or crisis answer, a red-flag outcome, an exercise's "Stop if" and "Skip it if" lines)
/// must stand out on every channel (issue 13). Such a line starts with a warning sign, which every channel shows as
/// it is and Teams also colours (TextBlock <c>color: attention</c>). Dialogs mark a say step with
/// <c>style: attention</c>; the sign travels inside the text, so replies made by actions, reminders and broadcasts
/// keep it without any channel knowing where the text came from.
/// </summary>
public static class SafetyText
{
    /// <summary>U+26A0 WARNING SIGN with the emoji presentation selector, then a space.</summary>
    public const string Marker = "\u26A0\uFE0F ";

    /// <summary>The value of a say step's <c>style:</c> that marks it as safety text.</summary>
    public const string AttentionStyle = "attention";

    public static bool IsMarked(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.TrimStart().StartsWith(Marker, StringComparison.Ordinal);
    }

    /// <summary>Marks every line of <paramref name="text"/> that has words and is not marked already.</summary>
    public static string Mark(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join('\n', text.Split('\n').Select(line => line.Trim().Length == 0 || IsMarked(line) ? line : Marker + line));
    }

    /// <summary>The line without its sign, for a channel that shows safety text its own way as well.</summary>
    public static string Unmarked(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.TrimStart();
        return trimmed.StartsWith(Marker, StringComparison.Ordinal) ? trimmed[Marker.Length..] : line;
    }
}
