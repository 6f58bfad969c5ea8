namespace BalanceBot.Core.Users;

/// <summary>
/// How to reach a user proactively: the channel's name plus a payload only that channel's adapter understands
/// (for Bot Framework, a serialised conversation reference). Core stores it and never looks inside.
/// </summary>
public sealed record ConversationAddress(string Channel, string Payload);
