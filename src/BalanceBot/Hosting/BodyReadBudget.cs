using System.Collections.Concurrent;
using System.Net;

namespace BalanceBot.Hosting;

/// <summary>
/// Reading a body is the one thing an endpoint must do before it can authenticate a Discord request, so it is
/// bounded on its own (issue 14 §1), outside the turn limiter: at most <c>maxPerClient</c> bodies are read at once
/// per remote address (the rest get 503 at once, holding nothing), and every read must finish within
/// <c>deadline</c> on the injected clock (then 408). A crowd of slow bodies from one client costs that client,
/// never another caller's turn.
/// </summary>
internal sealed class BodyReadBudget(int maxPerClient, TimeSpan deadline, TimeProvider time)
{
    private readonly ConcurrentDictionary<IPAddress, int> _readsByClient = new();

    public int MaxPerClient => maxPerClient;

    public async Task<RequestBody> ReadAsync(HttpContext http, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.ContentLength > maxBytes)
        {
            return RequestBody.Refused(RequestBodyStatus.TooLarge);
        }

        var client = http.Connection.RemoteIpAddress ?? IPAddress.None;
        if (_readsByClient.AddOrUpdate(client, 1, (_, reads) => reads + 1) > maxPerClient)
        {
            Release(client);
            return RequestBody.Refused(RequestBodyStatus.Busy);
        }

        try
        {
            using var timeout = new CancellationTokenSource(deadline, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, http.RequestAborted);
            try
            {
                return await RequestBody.ReadAsync(http.Request, maxBytes, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
            {
                return RequestBody.Refused(RequestBodyStatus.TimedOut);
            }
        }
        finally
        {
            Release(client);
        }
    }

    private void Release(IPAddress client)
    {
        // Entries at zero are removed, so the table holds only clients with a read in progress.
        while (true)
        {
            var reads = _readsByClient[client];
            if (reads == 1
                ? _readsByClient.TryRemove(new KeyValuePair<IPAddress, int>(client, 1))
                : _readsByClient.TryUpdate(client, reads - 1, reads))
            {
                return;
            }
        }
    }
}
