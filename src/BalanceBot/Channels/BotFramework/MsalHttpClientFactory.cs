using Microsoft.Identity.Client;

namespace BalanceBot.Channels.BotFramework;

/// <summary>MSAL's HTTP goes through IHttpClientFactory, so handlers are pooled and tests can put a loopback fake at the edge.</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory httpClients) : IMsalHttpClientFactory
{
    public const string HttpClientName = "BotFrameworkLogin";

    public HttpClient GetHttpClient() => httpClients.CreateClient(HttpClientName);
}
