namespace BalanceBot.Core.Conversations;

/// <summary>
/// A yes/no a feature answers about the current turn for <c>action: check_turn</c> (<c>when: export_on</c>), so
/// dialogs offer only what works here without the engine knowing the feature.
/// </summary>
public interface ITurnCondition
{
    /// <summary>The <c>when</c> value dialog files write; persisted in dialog files.</summary>
    string Name { get; }

    bool Holds(Turn turn);
}
