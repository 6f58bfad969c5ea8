namespace BalanceBot.Channels.BotFramework;

/// <summary>The body of CreateConversation (botframework.md §3.1 and §3.4): a 1:1 chat between the bot and one user.</summary>
internal sealed record ConversationParameters(
    bool IsGroup,
    ChannelAccount Bot,
    IReadOnlyList<ChannelAccount> Members,
    string? TenantId,
    ConversationParametersChannelData? ChannelData);

internal sealed record ConversationParametersChannelData(ConversationParametersTenant Tenant);

internal sealed record ConversationParametersTenant(string Id);

/// <summary>CreateConversation's answer: the new (or existing) conversation's id.</summary>
internal sealed record ConversationResourceResponse(string? Id, string? ServiceUrl, string? ActivityId);
