using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;

namespace BalanceBot.Channels;

/// <summary>Routes a proactive message to the channel the user's address belongs to.</summary>
internal sealed partial class ProactiveSender : IProactiveSender
{
    private readonly Dictionary<string, IChannelSender> _senders;
    private readonly ILogger<ProactiveSender> _logger;

    public ProactiveSender(IEnumerable<IChannelSender> senders, ILogger<ProactiveSender> logger)
    {
        ArgumentNullException.ThrowIfNull(senders);
        _senders = senders.ToDictionary(sender => sender.Channel, StringComparer.Ordinal);
        _logger = logger;
    }

    public Task<DeliveryResult> SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken) =>
        Route(address, sender => sender.SendAsync(address, replies, cancellationToken), DeliveryResult.Failed);

    public Task<string?> SendEditableAsync(ConversationAddress address, Reply reply, CancellationToken cancellationToken) =>
        Route(address, sender => sender.SendEditableAsync(address, reply, cancellationToken), null);

    public Task<DeliveryResult> EditAsync(ConversationAddress address, string messageId, Reply reply, CancellationToken cancellationToken) =>
        Route(address, sender => sender.EditAsync(address, messageId, reply, cancellationToken), DeliveryResult.Failed);

    private Task<T> Route<T>(ConversationAddress address, Func<IChannelSender, Task<T>> send, T undeliverable)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (_senders.TryGetValue(address.Channel, out var sender))
        {
            return send(sender);
        }

        // Discord registers its sender only when the channel is on, and the console channel only exists while `chat`
        // runs in the foreground: a stored address for either cannot be sent to now.
        LogNoProactiveChannel(address.Channel);
        return Task.FromResult(undeliverable);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "No proactive delivery for channel {Channel}")]
    private partial void LogNoProactiveChannel(string channel);
}
