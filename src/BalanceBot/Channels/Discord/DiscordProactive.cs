using System.Collections.Concurrent;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;
using BalanceBot.Storage;

namespace BalanceBot.Channels.Discord;

/// <summary>
/// Reminders by DM with the bot token (discord.md §4.2): the DM channel is opened once per user and kept, each
/// message carries a nonce so a retried send is not posted twice, and 50007/50278 mean the user cannot be reached
/// (DMs closed, bot blocked, no shared server): the caller stops, never retries (§8 trap 12).
/// </summary>
internal sealed partial class DiscordProactive(
    DiscordRestClient rest, IDiscordStateStore store, DiscordReplyRenderer renderer, ILogger<DiscordProactive> logger) : IChannelSender
{
    public string Channel => ChannelNames.Discord;

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _opening = new(StringComparer.Ordinal);

    public async Task<DeliveryResult> SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var messages = renderer.Render(replies, address.Payload, ephemeral: false);
        return await DeliverAsync(address, channelId => PostAsync(channelId, messages, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The id is <c>channel/message</c>: an edit needs both, and the DM channel may be replaced meanwhile.</summary>
    public async Task<string?> SendEditableAsync(ConversationAddress address, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var message = renderer.Render([reply], address.Payload, ephemeral: false)[0];
        string? id = null;
        var result = await DeliverAsync(address, async channelId =>
        {
            var messageId = await rest.CreateMessageAsync(channelId, Create(message), cancellationToken).ConfigureAwait(false);
            id = messageId is null ? null : $"{channelId}/{messageId}";
        }, cancellationToken).ConfigureAwait(false);
        return result == DeliveryResult.Delivered ? id : null;
    }

    public async Task<DeliveryResult> EditAsync(ConversationAddress address, string messageId, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(messageId);
        if (messageId.Split('/') is not [var channelId, var id])
        {
            return DeliveryResult.Failed;
        }

        var message = renderer.Render([reply], address.Payload, ephemeral: false)[0];
        try
        {
            await rest.EditMessageAsync(channelId, id, new MessageCreate { Content = message.Content, Components = message.Components }, cancellationToken).ConfigureAwait(false);
            return DeliveryResult.Delivered;
        }
        catch (Exception ex) when (IsDeliveryFailure(ex, cancellationToken))
        {
            LogFailed(address.Payload, ex.GetType().Name, (ex as DiscordApiException)?.Code ?? 0);
            return DeliveryResult.Failed;
        }
    }

    /// <summary>Runs <paramref name="send"/> against the user's DM channel, opening it (again, if it went) as needed.</summary>
    private async Task<DeliveryResult> DeliverAsync(ConversationAddress address, Func<string, Task> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var userId = address.Payload;
        if (!rest.HasBotToken)
        {
            LogNoToken(userId);
            return DeliveryResult.Failed;
        }

        try
        {
            var channelId = store.DmChannel(userId) ?? await OpenDmChannelAsync(userId, cancellationToken).ConfigureAwait(false);
            try
            {
                await send(channelId).ConfigureAwait(false);
            }
            catch (DiscordApiException ex) when (ex.Code == DiscordApiException.UnknownChannel)
            {
                // The kept DM channel is gone: open a new one once.
                store.SetDmChannel(userId, null);
                channelId = await OpenDmChannelAsync(userId, cancellationToken).ConfigureAwait(false);
                await send(channelId).ConfigureAwait(false);
            }

            return DeliveryResult.Delivered;
        }
        catch (DiscordApiException ex) when (ex.UserUnreachable)
        {
            LogUnreachable(userId, ex.Code);
            return DeliveryResult.Unreachable;
        }
        catch (Exception ex) when (IsDeliveryFailure(ex, cancellationToken))
        {
            LogFailed(userId, ex.GetType().Name, (ex as DiscordApiException)?.Code ?? 0);
            return DeliveryResult.Failed;
        }
    }

    private static bool IsDeliveryFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is DiscordApiException or DiscordCircuitOpenException or HttpRequestException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>
    /// Opens the DM channel and keeps it. Sends to one user at the same moment share one request: Discord warns that
    /// opening DMs too quickly can get a bot blocked from opening them (discord.md §4.2).
    /// </summary>
    private async Task<string> OpenDmChannelAsync(string userId, CancellationToken cancellationToken)
    {
        var opening = _opening.GetOrAdd(userId, id => new Lazy<Task<string>>(async () =>
        {
            try
            {
                if (store.DmChannel(id) is { } kept)
                {
                    return kept;
                }

                var channelId = await rest.CreateDmChannelAsync(id, CancellationToken.None).ConfigureAwait(false);
                store.SetDmChannel(id, channelId);
                return channelId;
            }
            finally
            {
                _opening.TryRemove(id, out _);
            }
        }));
        return await opening.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task PostAsync(string channelId, IReadOnlyList<InteractionCallbackData> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await rest.CreateMessageAsync(channelId, Create(message), cancellationToken).ConfigureAwait(false);
        }
    }

    private static MessageCreate Create(InteractionCallbackData message) => new()
    {
        Content = message.Content,
        Components = message.Components,
        Nonce = Guid.NewGuid().ToString("N")[..25],
        EnforceNonce = true,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Discord:BotToken: cannot DM Discord user {UserId}")]
    private partial void LogNoToken(string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord user {UserId} cannot be reached by DM (code {Code})")]
    private partial void LogUnreachable(string userId, int code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DM to Discord user {UserId} failed: {Error} (code {Code})")]
    private partial void LogFailed(string userId, string error, int code);
}
