namespace BalanceBot.Core.Conversations;

/// <summary>Dialog state per conversation, keyed by channel-qualified conversation key.</summary>
public interface IConversationStateStore
{
    ValueTask<ConversationState?> LoadAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the whole state atomically: a reader sees the old state or the new one, never a mix.</summary>
    ValueTask SaveAsync(ConversationState state, CancellationToken cancellationToken);
}
