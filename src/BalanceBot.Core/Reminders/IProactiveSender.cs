using BalanceBot.Core.Conversations;
using BalanceBot.Core.Users;

namespace BalanceBot.Core.Reminders;

/// <summary>Sends messages nobody asked for just now (reminders, later broadcasts) through the user's own channel.</summary>
public interface IProactiveSender
{
    Task<DeliveryResult> SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken);
}
