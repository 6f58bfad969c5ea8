using BalanceBot.Channels.BotFramework;
using BalanceBot.Channels.Discord;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;

namespace BalanceBot.Channels;

/// <summary>Routes a proactive message to the channel the user's address belongs to.</summary>
internal sealed partial class ProactiveSender(BotFrameworkProactive botFramework, IServiceProvider services, ILogger<ProactiveSender> logger) : IProactiveSender
{
    public Task<DeliveryResult> SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken) =>
        Route(address, teams => teams.SendAsync(address, replies, cancellationToken), discord => discord.SendAsync(address, replies, cancellationToken), DeliveryResult.Failed);

    public Task<string?> SendEditableAsync(ConversationAddress address, Reply reply, CancellationToken cancellationToken) =>
        Route(address, teams => teams.SendEditableAsync(address, reply, cancellationToken), discord => discord.SendEditableAsync(address, reply, cancellationToken), null);

    public Task<DeliveryResult> EditAsync(ConversationAddress address, string messageId, Reply reply, CancellationToken cancellationToken) =>
        Route(address, teams => teams.EditAsync(address, messageId, reply, cancellationToken), discord => discord.EditAsync(address, messageId, reply, cancellationToken), DeliveryResult.Failed);

    private Task<T> Route<T>(ConversationAddress address, Func<BotFrameworkProactive, Task<T>> teams, Func<DiscordProactive, Task<T>> discord, T undeliverable)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Channel == ActivityMapper.AddressChannel)
        {
            return teams(botFramework);
        }

        // Registered only when the Discord channel is on; a stored Discord address with the channel off cannot be sent.
        if (address.Channel == DiscordInteractionHandler.AddressChannel && services.GetService<DiscordProactive>() is { } discordProactive)
        {
            return discord(discordProactive);
        }

        // The console channel only exists while `chat` runs in the foreground; it has no proactive delivery.
        LogNoProactiveChannel(address.Channel);
        return Task.FromResult(undeliverable);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "No proactive delivery for channel {Channel}")]
    private partial void LogNoProactiveChannel(string channel);
}
