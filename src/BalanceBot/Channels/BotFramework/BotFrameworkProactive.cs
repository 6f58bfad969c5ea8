using System.Text.Json;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;
using BalanceBot.Storage;

namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// Proactive messages over the Connector (botframework.md §3.4): SendToConversation to the stored reference's
/// serviceUrl and conversation, with no replyToId. A 403 means the user blocked or removed the bot.
/// </summary>
internal sealed class BotFrameworkProactive(BotFrameworkConnectorClient connector, ICardPromptStore prompts) : IChannelSender
{
    public string Channel => ChannelNames.BotFramework;

    public async Task<DeliveryResult> SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        return await DeliverAsync(address, async (reference, context) =>
        {
            foreach (var reply in replies)
            {
                await connector.SendAsync(reference.ServiceUrl, ActivityMapper.ToActivity(context, reply, prompts), cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> SendEditableAsync(ConversationAddress address, Reply reply, CancellationToken cancellationToken)
    {
        string? id = null;
        var result = await DeliverAsync(address, async (reference, context) =>
            id = await connector.SendAsync(reference.ServiceUrl, ActivityMapper.ToActivity(context, reply, prompts), cancellationToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return result == DeliveryResult.Delivered ? id : null;
    }

    /// <summary>UpdateActivity on the bot's own message: the same activity as a send, with the message's id.</summary>
    public Task<DeliveryResult> EditAsync(ConversationAddress address, string activityId, Reply reply, CancellationToken cancellationToken) =>
        DeliverAsync(address, (reference, context) =>
        {
            var activity = ActivityMapper.ToActivity(context, reply, prompts);
            activity.Id = activityId;
            return connector.UpdateAsync(reference.ServiceUrl, activity, cancellationToken);
        }, cancellationToken);

    /// <summary>Runs <paramref name="send"/> against the stored reference, as if answering the user's last message.</summary>
    private static async Task<DeliveryResult> DeliverAsync(ConversationAddress address, Func<ConversationReference, Activity, Task> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var reference = JsonSerializer.Deserialize(address.Payload, BotFrameworkJson.Default.ConversationReference);
        if (reference is null)
        {
            return DeliveryResult.Failed;
        }

        var recipient = new ChannelAccount { Id = reference.User.Id, Name = reference.User.Name };
        var conversation = new ConversationAccount { Id = reference.Conversation.Id, ConversationType = reference.Conversation.ConversationType, TenantId = reference.Conversation.TenantId };
        var bot = reference.Bot is { } b ? new ChannelAccount { Id = b.Id, Name = b.Name } : null;
        var context = new Activity { ChannelId = reference.ChannelId, From = recipient, Recipient = bot, Conversation = conversation, Locale = reference.Locale };
        try
        {
            await send(reference, context).ConfigureAwait(false);
            return DeliveryResult.Delivered;
        }
        catch (ConnectorException ex) when (ex.StatusCode == StatusCodes.Status403Forbidden)
        {
            return DeliveryResult.Unreachable;
        }
        catch (Exception ex) when (ex is HttpRequestException or ConnectorException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Failed;
        }
    }
}
