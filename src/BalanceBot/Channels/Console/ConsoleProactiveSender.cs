using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;

namespace BalanceBot.Channels.Console;

/// <summary>While <c>chat</c> runs, movement prompts for the person chatting are printed in the terminal.</summary>
internal sealed class ConsoleProactiveSender(TextWriter output) : IProactiveSender
{
    public async Task<DeliveryResult> SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(replies);
        if (address.Channel != ChannelNames.Console)
        {
            return DeliveryResult.Failed;
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        foreach (var reply in replies)
        {
            await output.WriteLineAsync(ConsoleChat.Render(reply)).ConfigureAwait(false);
        }

        await output.WriteAsync("> ").ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return DeliveryResult.Delivered;
    }

    /// <summary>A terminal cannot change what it printed: the message is printed, and later edits are not.</summary>
    public async Task<string?> SendEditableAsync(ConversationAddress address, Reply reply, CancellationToken cancellationToken)
    {
        await SendAsync(address, [reply], cancellationToken).ConfigureAwait(false);
        return null;
    }

    public Task<DeliveryResult> EditAsync(ConversationAddress address, string messageId, Reply reply, CancellationToken cancellationToken) =>
        Task.FromResult(DeliveryResult.Failed);
}
