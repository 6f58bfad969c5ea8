using System.Text.Json;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;

namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// Proactive messages over the Connector (botframework.md §3.4): SendToConversation to the stored reference's
/// serviceUrl and conversation, with no replyToId. A 403 means the user blocked or removed the bot.
/// </summary>
internal sealed class BotFrameworkProactive(BotFrameworkConnectorClient connector)
{
    public async Task<DeliveryResult> SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(replies);
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
            foreach (var reply in replies)
            {
                await connector.SendAsync(reference.ServiceUrl, ActivityMapper.ToActivity(context, reply), cancellationToken).ConfigureAwait(false);
            }

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
