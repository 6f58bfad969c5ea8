using BalanceBot.Core.Reminders;

namespace BalanceBot.Channels;

/// <summary>
/// One channel's proactive delivery. <see cref="ProactiveSender"/> routes each address to the sender whose
/// <see cref="Channel"/> matches it, so a channel that is off simply registers none.
/// </summary>
internal interface IChannelSender : IProactiveSender
{
    /// <summary>One of <see cref="Core.Users.ChannelNames"/>: the <see cref="Core.Users.ConversationAddress.Channel"/> this sender serves.</summary>
    string Channel { get; }
}
