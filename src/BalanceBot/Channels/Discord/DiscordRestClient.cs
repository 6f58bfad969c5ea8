using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace BalanceBot.Channels.Discord;

/// <summary>
/// Discord's REST API v10 over <see cref="HttpClient"/> (discord.md §4): <c>Authorization: Bot</c> for the bot's own
/// calls, none for interaction-token calls (the token in the path is the credential), the required
/// <c>DiscordBot (url, version)</c> User-Agent, and every call through <see cref="DiscordRateLimiter"/>.
/// </summary>
internal sealed class DiscordRestClient(IHttpClientFactory httpClients, DiscordRateLimiter limiter, IOptions<DiscordOptions> options)
{
    public const string HttpClientName = "discord";

    public static void ConfigureHttpClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var version = typeof(DiscordRestClient).Assembly.GetName().Version ?? new Version(1, 0);
        client.DefaultRequestHeaders.UserAgent.ParseAdd($"DiscordBot (https://github.com/balancebot/balancebot, {version.ToString(3)})");
        client.Timeout = TimeSpan.FromSeconds(15);
    }

    public bool HasBotToken => !string.IsNullOrWhiteSpace(options.Value.BotToken);

    /// <summary>Opens (or finds) the bot's DM channel with a user: <c>POST /users/@me/channels</c>.</summary>
    public async Task<string> CreateDmChannelAsync(string userId, CancellationToken cancellationToken)
    {
        var channel = await SendAsync(HttpMethod.Post, "users/@me/channels", new CreateDmChannel { RecipientId = userId }, DiscordJson.Default.CreateDmChannel, DiscordJson.Default.DiscordChannel, botToken: true, cancellationToken).ConfigureAwait(false);
        return channel?.Id ?? throw new DiscordApiException(200, 0, "the DM channel came back without an id");
    }

    /// <summary>Posts a message: <c>POST /channels/{channel}/messages</c>. Returns the new message's id.</summary>
    public async Task<string?> CreateMessageAsync(string channelId, MessageCreate message, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, $"channels/{Uri.EscapeDataString(channelId)}/messages", message, DiscordJson.Default.MessageCreate, DiscordJson.Default.DiscordMessage, botToken: true, cancellationToken).ConfigureAwait(false))?.Id;

    /// <summary>Edits one of the bot's own messages: <c>PATCH /channels/{channel}/messages/{message}</c>.</summary>
    public Task EditMessageAsync(string channelId, string messageId, MessageCreate message, CancellationToken cancellationToken) =>
        SendAsync<MessageCreate, DiscordMessage>(HttpMethod.Patch, $"channels/{Uri.EscapeDataString(channelId)}/messages/{Uri.EscapeDataString(messageId)}", message, DiscordJson.Default.MessageCreate, responseType: null, botToken: true, cancellationToken);

    /// <summary>Completes a deferred answer: <c>PATCH /webhooks/{app}/{token}/messages/@original</c>.</summary>
    public Task EditOriginalAsync(string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken) =>
        SendAsync<InteractionCallbackData, DiscordChannel>(HttpMethod.Patch, $"{Webhook(interactionToken)}/messages/@original", message, DiscordJson.Default.InteractionCallbackData, responseType: null, botToken: false, cancellationToken);

    public Task CreateFollowUpAsync(string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken) =>
        SendAsync<InteractionCallbackData, DiscordChannel>(HttpMethod.Post, Webhook(interactionToken), message, DiscordJson.Default.InteractionCallbackData, responseType: null, botToken: false, cancellationToken);

    /// <param name="guildId">Null for the global commands.</param>
    public async Task<List<ApplicationCommand>> GetCommandsAsync(string? guildId, CancellationToken cancellationToken) =>
        await SendAsync<object, List<ApplicationCommand>>(HttpMethod.Get, Commands(guildId), body: null, bodyType: null, DiscordJson.Default.ListApplicationCommand, botToken: true, cancellationToken).ConfigureAwait(false) ?? [];

    /// <summary>Replaces every command in the scope with these (discord.md §3.2): one call, never one per command.</summary>
    public async Task<List<ApplicationCommand>> OverwriteCommandsAsync(string? guildId, List<ApplicationCommand> commands, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Put, Commands(guildId), commands, DiscordJson.Default.ListApplicationCommand, DiscordJson.Default.ListApplicationCommand, botToken: true, cancellationToken).ConfigureAwait(false) ?? [];

    private string Webhook(string interactionToken) => $"webhooks/{options.Value.ApplicationId}/{Uri.EscapeDataString(interactionToken)}";

    private string Commands(string? guildId) => guildId is null
        ? $"applications/{options.Value.ApplicationId}/commands"
        : $"applications/{options.Value.ApplicationId}/guilds/{Uri.EscapeDataString(guildId)}/commands";

    private async Task<TResponse?> SendAsync<TBody, TResponse>(
        HttpMethod method, string relativePath, TBody? body, JsonTypeInfo<TBody>? bodyType, JsonTypeInfo<TResponse>? responseType, bool botToken, CancellationToken cancellationToken)
        where TResponse : class
    {
        if (botToken && !HasBotToken)
        {
            throw new InvalidOperationException("Discord:BotToken is not set; set it in the environment (Discord__BotToken) to send DMs or register commands.");
        }

        var content = body is null || bodyType is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
        var url = new Uri($"{options.Value.ApiBaseUrl.AbsoluteUri.TrimEnd('/')}/v10/{relativePath}");
        HttpRequestMessage Create()
        {
            var request = new HttpRequestMessage(method, url);
            if (botToken)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.BotToken);
            }

            if (content is not null)
            {
                request.Content = new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            }

            return request;
        }

        using var response = await limiter.SendAsync(httpClients.CreateClient(HttpClientName), Create, relativePath, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            DiscordError? error = null;
            try
            {
                error = await response.Content.ReadFromJsonAsync(DiscordJson.Default.DiscordError, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                // Not Discord's JSON (a proxy or Cloudflare page): the status alone is the answer.
            }

            throw new DiscordApiException((int)response.StatusCode, error?.Code ?? 0, error?.Message);
        }

        return responseType is null || response.Content.Headers.ContentLength == 0
            ? null
            : await response.Content.ReadFromJsonAsync(responseType, cancellationToken).ConfigureAwait(false);
    }
}
