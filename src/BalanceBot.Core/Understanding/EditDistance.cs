namespace BalanceBot.Core.Understanding;

/// <summary>
/// Optimal-string-alignment Damerau-Levenshtein distance (insert, delete, substitute, swap two neighbours), computed
/// only inside a band of width <c>2 * limit + 1</c> and abandoned as soon as the limit is passed, so one comparison
/// costs O(length * limit) and a huge word costs no more than its length.
/// </summary>
internal static class EditDistance
{
    /// <summary>Typos allowed for a lexicon word of this length: none below 4 letters, 1 for 4-7, 2 from 8.</summary>
    public static int AllowedTypos(int length) => length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => 2,
    };

    public static bool IsWithin(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return false;
        }

        if (limit == 0)
        {
            return a.SequenceEqual(b);
        }

        // Three rolling rows: two back (for the swap), previous, current. Cells outside the band count as limit + 1.
        var width = b.Length + 1;
        Span<int> buffer = width * 3 <= 256 ? stackalloc int[width * 3] : new int[width * 3];
        var twoBack = buffer[..width];
        var previous = buffer.Slice(width, width);
        var current = buffer.Slice(width * 2, width);
        var outside = limit + 1;
        for (var j = 0; j < width; j++)
        {
            previous[j] = j <= limit ? j : outside;
            twoBack[j] = outside;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var from = Math.Max(1, i - limit);
            var to = Math.Min(b.Length, i + limit);
            current.Fill(outside);
            current[0] = i <= limit ? i : outside;
            var best = current[0];
            for (var j = from; j <= to; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, twoBack[j - 2] + 1);
                }

                current[j] = Math.Min(value, outside);
                best = Math.Min(best, current[j]);
            }

            if (best > limit)
            {
                return false;
            }

            var recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length] <= limit;
    }
}
