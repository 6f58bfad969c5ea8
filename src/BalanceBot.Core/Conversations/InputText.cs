using System.Text;

namespace BalanceBot.Core.Conversations;

/// <summary>Text clean-up shared by every recogniser, so "Yes!", " yes " and "YES." all read as "yes".</summary>
internal static class InputText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        // End punctuation carries no meaning for matching ("help?", "yes!"), but a lone "?" is a request for help.
        var end = builder.Length;
        while (end > 1 && builder[end - 1] is '.' or '!' or '?' or ',' or ';')
        {
            end--;
        }

        return builder.ToString(0, end).TrimEnd();
    }

    /// <summary>Splits normalised text into word tokens, dropping punctuation.</summary>
    public static string[] Tokens(string normalized) =>
        normalized.Split([' ', ',', '.', '!', '?', ';', ':', '(', ')', '"', '\'', '-', '/'], StringSplitOptions.RemoveEmptyEntries);
}
