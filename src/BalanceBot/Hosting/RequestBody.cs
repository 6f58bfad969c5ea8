using System.Buffers;

namespace BalanceBot.Hosting;

/// <summary>A request body read into a pooled buffer, never taking more than the endpoint's limit.</summary>
internal sealed class RequestBody : IDisposable
{
    private byte[]? _buffer;

    private RequestBody(byte[]? buffer, int length, RequestBodyStatus status)
    {
        _buffer = buffer;
        Length = length;
        Status = status;
    }

    public RequestBodyStatus Status { get; }

    public int Length { get; }

    /// <summary>The raw bytes (for signatures and parsing alike); empty unless <see cref="Status"/> is Read.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer is null ? [] : _buffer.AsSpan(0, Length);

    public static RequestBody Refused(RequestBodyStatus status) => new(null, 0, status);

    public static async Task<RequestBody> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return new RequestBody(null, 0, RequestBodyStatus.TooLarge);
        }

        // One byte over the limit tells a too-large chunked body apart from one that fits exactly.
        var buffer = ArrayPool<byte>.Shared.Rent((int)(request.ContentLength ?? maxBytes) + 1);
        var total = 0;
        try
        {
            while (total <= maxBytes && total < buffer.Length)
            {
                var read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own cap on request bodies (InboundLimits) stops a chunked body that grows past it.
            ArrayPool<byte>.Shared.Return(buffer);
            return new RequestBody(null, 0, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? RequestBodyStatus.TooLarge : RequestBodyStatus.Unreadable);
        }

        if (total > maxBytes)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return new RequestBody(null, 0, RequestBodyStatus.TooLarge);
        }

        return new RequestBody(buffer, total, RequestBodyStatus.Read);
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

internal enum RequestBodyStatus
{
    Read,
    TooLarge,
    Unreadable,

    /// <summary>The client already has as many bodies being read as it may (503, Retry-After).</summary>
    Busy,

    /// <summary>The body did not arrive within the read deadline (408).</summary>
    TimedOut,
}
