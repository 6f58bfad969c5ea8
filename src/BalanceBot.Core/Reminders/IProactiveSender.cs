using BalanceBot.Core.Conversations;
using BalanceBot.Core.Users;

namespace BalanceBot.Core.Reminders;

/// <summary>Sends messages nobody asked for just now (reminders, later broadcasts) through the user's own channel.</summary>
public interface IProactiveSender
{
    Task<DeliveryResult> SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken);

    /// <summary>
    /// Sends one message that can be changed later with <see cref="EditAsync"/> (a broadcast's progress). Returns the
    /// channel's id for it, or null when it was not delivered or the channel cannot edit messages.
    /// </summary>
    Task<string?> SendEditableAsync(ConversationAddress address, Reply reply, CancellationToken cancellationToken);

    /// <summary>Replaces the message <paramref name="messageId"/> (from <see cref="SendEditableAsync"/>) with <paramref name="reply"/>.</summary>
    Task<DeliveryResult> EditAsync(ConversationAddress address, string messageId, Reply reply, CancellationToken cancellationToken);
}
