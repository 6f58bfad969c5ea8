using System.Net.Http.Json;

namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// Outbound Connector REST calls (botframework.md §3.1), with a Bearer token from MSAL, or none in local mode (no
/// app id), as the SDK does (§2.5). Every path segment is escaped: Teams ids contain ':', ';', '@' and '=' (trap 3).
/// </summary>
internal sealed class BotFrameworkConnectorClient(IHttpClientFactory httpClients, BotFrameworkCredentials credentials, ConnectorPacing pacing, TimeProvider time)
{
    private readonly Polly.ResiliencePipeline<HttpResponseMessage> _retry = ConnectorRetry.Create(time);

    public const string HttpClientName = "BotFrameworkConnector";

    /// <summary>
    /// The headers every Connector call carries (botframework.md §3.1); the User-Agent names the protocol version as
    /// the SDK does, with this product in place of BotBuilder, so Microsoft's logs can tell who called.
    /// </summary>
    public static void ConfigureHttpClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Timeout = TimeSpan.FromSeconds(15);
        client.DefaultRequestHeaders.Accept.ParseAdd("*/*");
        var version = typeof(BotFrameworkConnectorClient).Assembly.GetName().Version ?? new Version(1, 0);
        client.DefaultRequestHeaders.UserAgent.ParseAdd($"Microsoft-BotFramework/3.1 BalanceBot/{version.ToString(3)} (.NET {Environment.Version})");
    }

    /// <summary>ReplyToActivity when the activity has a reply target, else SendToConversation. Returns the sent activity's id.</summary>
    public async Task<string?> SendAsync(string serviceUrl, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id!)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        }

        await PaceAsync(activity, cancellationToken).ConfigureAwait(false);
        using var response = await SendAsync(HttpMethod.Post, serviceUrl, path, () => JsonContent.Create(activity, BotFrameworkJson.Default.Activity), cancellationToken).ConfigureAwait(false);
        return await ReadIdAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>UpdateActivity (botframework.md §3.1): replaces the bot's own message <c>activity.id</c> in its conversation.</summary>
    public async Task UpdateAsync(string serviceUrl, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id!)}/activities/{Uri.EscapeDataString(activity.Id!)}";
        await PaceAsync(activity, cancellationToken).ConfigureAwait(false);
        using var response = await SendAsync(HttpMethod.Put, serviceUrl, path, () => JsonContent.Create(activity, BotFrameworkJson.Default.Activity), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Teams' limits (botframework.md §3.3) bind Teams conversations; the Emulator and Direct Line have none.</summary>
    private async Task PaceAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.ChannelId == "msteams")
        {
            await pacing.WaitAsync(activity.Conversation!.TenantId, activity.Conversation.Id!, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The <c>ResourceResponse</c> id; some channels answer a send with an empty body, which is no error.</summary>
    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength == 0 || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return null;
        }

        try
        {
            return (await response.Content.ReadFromJsonAsync(BotFrameworkJson.Default.ConversationResourceResponse, cancellationToken).ConfigureAwait(false))?.Id;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// CreateConversation (botframework.md §3.4): the 1:1 chat between the bot and <paramref name="user"/>. Teams answers
    /// with the existing chat when there is one. Both <c>tenantId</c> and <c>channelData.tenant.id</c> are sent.
    /// </summary>
    public async Task<string> CreatePersonalConversationAsync(string serviceUrl, ChannelAccount bot, ChannelAccount user, string? tenantId, CancellationToken cancellationToken)
    {
        var parameters = new ConversationParameters(
            IsGroup: false,
            Bot: new ChannelAccount { Id = bot.Id, Name = bot.Name },
            Members: [new ChannelAccount { Id = user.Id }],
            TenantId: tenantId,
            ChannelData: tenantId is null ? null : new ConversationParametersChannelData(new ConversationParametersTenant(tenantId)));
        using var response = await SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", () => JsonContent.Create(parameters, BotFrameworkJson.Default.ConversationParameters), cancellationToken).ConfigureAwait(false);
        var created = await response.Content.ReadFromJsonAsync(BotFrameworkJson.Default.ConversationResourceResponse, cancellationToken).ConfigureAwait(false);
        return created?.Id is { Length: > 0 } id ? id : throw new ConnectorException(StatusCodes.Status502BadGateway);
    }

    /// <summary>Sends to <paramref name="path"/> under the serviceUrl with retries; a final non-success status throws.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string serviceUrl, string path, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        var baseUri = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        var target = new Uri(new Uri(baseUri), path);
        var token = await credentials.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        var http = httpClients.CreateClient(HttpClientName);
        var response = await _retry.ExecuteAsync(
            async attemptToken =>
            {
                // A request message can be sent once: build it again for every attempt.
                using var request = new HttpRequestMessage(method, target) { Content = content() };
                if (token is not null)
                {
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                }

                return await http.SendAsync(request, attemptToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            throw new ConnectorException((int)response.StatusCode);
        }

        return response;
    }
}
