namespace BalanceBot.Hosting;

/// <summary>Reading a request body into a buffer without ever taking more than the endpoint's limit.</summary>
internal static class RequestBodies
{
    /// <summary>
    /// Reads until the body ends, the buffer is full or more than <paramref name="maxBytes"/> arrived. A result above
    /// <paramref name="maxBytes"/> means "too large": rent one byte more than the limit to tell it apart from a body
    /// that fits exactly.
    /// </summary>
    public static async Task<int> ReadAsync(Stream body, byte[] buffer, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(buffer);
        var total = 0;
        while (total <= maxBytes)
        {
            if (total == buffer.Length)
            {
                return total;
            }

            var read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
