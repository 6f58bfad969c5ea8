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

    /// <summary>Tokens with apostrophes dropped first, so "can't", "can’t" and "cant" are the same word.</summary>
    public static string[] Words(string normalized) =>
        Tokens(normalized.Replace("’", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal));

    /// <summary>Where <paramref name="sequence"/> starts inside <paramref name="tokens"/>, or -1.</summary>
    public static int IndexOfSequence(string[] tokens, string[] sequence)
    {
        if (sequence.Length == 0)
        {
            return -1;
        }

        for (var start = 0; start + sequence.Length <= tokens.Length; start++)
        {
            var all = true;
            for (var j = 0; j < sequence.Length && all; j++)
            {
                all = tokens[start + j] == sequence[j];
            }

            if (all)
            {
                return start;
            }
        }

        return -1;
    }
}
