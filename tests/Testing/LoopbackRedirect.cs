namespace BalanceBot.Testing;

/// <summary>
/// Sends every request to a loopback server instead of the host it names, keeping path and query. MSAL insists on
/// an https authority, so tests keep the configured https login URL and redirect at the network edge instead.
/// </summary>
internal sealed class LoopbackRedirect(string loopbackBaseUrl) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RequestUri = new Uri(new Uri(loopbackBaseUrl), request.RequestUri!.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }
}
