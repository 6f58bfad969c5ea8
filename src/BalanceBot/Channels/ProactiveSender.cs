using BalanceBot.Channels.BotFramework;
using BalanceBot.Channels.Discord;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;

namespace BalanceBot.Channels;

/// <summary>Routes a proactive message to the channel the user's address belongs to.</summary>
internal sealed partial class ProactiveSender(BotFrameworkProactive botFramework, IServiceProvider services, ILogger<ProactiveSender> logger) : IProactiveSender
{
    public Task<DeliveryResult> SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Channel == ActivityMapper.AddressChannel)
        {
            return botFramework.SendAsync(address, replies, cancellationToken);
        }

        // Registered only when the Discord channel is on; a stored Discord address with the channel off cannot be sent.
        if (address.Channel == DiscordInteractionHandler.AddressChannel && services.GetService<DiscordProactive>() is { } discord)
        {
            return discord.SendAsync(address, replies, cancellationToken);
        }

        // The console channel only exists while `chat` runs in the foreground; it has no proactive delivery.
        LogNoProactiveChannel(address.Channel);
        return Task.FromResult(DeliveryResult.Failed);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "No proactive delivery for channel {Channel}")]
    private partial void LogNoProactiveChannel(string channel);
}
