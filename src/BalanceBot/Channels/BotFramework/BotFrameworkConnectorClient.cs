using System.Net.Http.Json;

namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// Outbound Connector REST calls (botframework.md §3.1), with a Bearer token from MSAL, or none in local mode (no
/// app id), as the SDK does (§2.5). Every path segment is escaped: Teams ids contain ':', ';', '@' and '=' (trap 3).
/// </summary>
internal sealed class BotFrameworkConnectorClient(IHttpClientFactory httpClients, BotFrameworkCredentials credentials)
{
    public const string HttpClientName = "BotFrameworkConnector";

    /// <summary>ReplyToActivity when the activity has a reply target, else SendToConversation.</summary>
    public async Task SendAsync(string serviceUrl, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id!)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        }

        var baseUri = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(baseUri), path))
        {
            Content = JsonContent.Create(activity, BotFrameworkJson.Default.Activity),
        };
        if (await credentials.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { } token)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException((int)response.StatusCode);
        }
    }
}
