namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// A reply's text as Bot Framework markdown. Web Chat's markdown (like a card's TextBlock, microsoft/AdaptiveCards#5538)
/// joins lines split by a single line break, which ran "Stop if:" into the last step of an exercise: every line
/// becomes its own paragraph, separated by a blank line.
/// </summary>
internal static class MarkdownText
{
    public static string Paragraphs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join("\n\n", text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
