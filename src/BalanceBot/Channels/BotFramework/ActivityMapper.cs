using System.Text.Json;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Users;

namespace BalanceBot.Channels.BotFramework;

/// <summary>Translates between Bot Framework activities and Core's neutral turns and replies.</summary>
internal static class ActivityMapper
{
    /// <summary>The channel name under which Bot Framework users' addresses are stored.</summary>
    public const string AddressChannel = "botframework";

    private const string DefaultChannelId = "botframework";

    private const string TeamsChannelId = "msteams";

    /// <summary>
    /// A message becomes a message turn; a conversationUpdate that adds someone other than the bot becomes a
    /// conversation-started turn; anything else is not a turn (null).
    /// </summary>
    public static Turn? ToTurn(Activity activity)
    {
        var kind = activity.Type switch
        {
            ActivityTypes.Message => TurnKind.Message,
            ActivityTypes.ConversationUpdate when AddsSomeoneElse(activity) => TurnKind.ConversationStarted,
            ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade" => TurnKind.ConversationStarted,
            ActivityTypes.InstallationUpdate when activity.Action is "remove" or "remove-upgrade" => TurnKind.Removed,
            _ => (TurnKind?)null,
        };
        if (kind is null)
        {
            return null;
        }

        var channelId = string.IsNullOrEmpty(activity.ChannelId) ? DefaultChannelId : activity.ChannelId;
        return new Turn
        {
            Kind = kind.Value,
            ActivityId = activity.Id,
            UserKey = $"{channelId}:{activity.From!.Id}",
            ConversationKey = $"{channelId}:{activity.Conversation!.Id}",
            Text = WithoutBotMention(activity),
            ChoiceId = ChoiceIdFrom(activity.Value),
            UserDisplayName = activity.From.Name,
            Locale = activity.Locale,
            TimeZone = activity.LocalTimezone,
            Address = ToAddress(activity, channelId),
        };
    }

    /// <summary>A reply addressed back to the sender, in the same conversation, threaded under the inbound activity.</summary>
    public static Activity ToActivity(Activity inbound, Reply reply)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = inbound.ChannelId,
            From = inbound.Recipient,
            Recipient = inbound.From,
            Conversation = inbound.Conversation,
            Locale = inbound.Locale,
            ReplyToId = inbound.MovedToPrivateChat ? null : inbound.Id,
            Text = reply.Text,
            TextFormat = "markdown",
            InputHint = reply.ExpectsInput ? "expectingInput" : "acceptingInput",
        };
        if (reply.Choices.Count > 0 && inbound.ChannelId == TeamsChannelId)
        {
            // Teams shows suggested actions only in personal chats and for at most 3 buttons (trap 12): use a card.
            activity.Text = null;
            activity.Attachments = [AdaptiveCards.ForChoices(reply)];
        }
        else if (reply.Choices.Count > 0)
        {
            // imBack posts the label back as text, which the choice recogniser matches (botframework.md §4.5).
            activity.SuggestedActions = new SuggestedActions(
                [inbound.From!.Id!],
                reply.Choices.Select(c => new CardAction("imBack", c.Label, c.Label)).ToList());
        }

        return activity;
    }

    /// <summary>
    /// In team channels and group chats the message starts with the bot's @mention markup (<c>&lt;at&gt;BalanceBot&lt;/at&gt;</c>);
    /// it is removed so "&lt;at&gt;BalanceBot&lt;/at&gt; help" reads as "help".
    /// </summary>
    private static string? WithoutBotMention(Activity activity)
    {
        var text = activity.Text;
        if (text is null || activity.Entities is null || activity.Recipient?.Id is not { } botId)
        {
            return text;
        }

        foreach (var entity in activity.Entities)
        {
            if (entity.ValueKind == JsonValueKind.Object
                && entity.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "mention"
                && entity.TryGetProperty("mentioned", out var mentioned) && mentioned.ValueKind == JsonValueKind.Object
                && mentioned.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == botId
                && entity.TryGetProperty("text", out var markup) && markup.ValueKind == JsonValueKind.String && markup.GetString() is { Length: > 0 } mention)
            {
                text = text.Replace(mention, string.Empty, StringComparison.Ordinal);
            }
        }

        return text.Trim();
    }

    private static bool AddsSomeoneElse(Activity activity) =>
        activity.MembersAdded?.Any(m => m?.Id is { Length: > 0 } id && id != activity.Recipient?.Id) == true;

    /// <summary>Card submits carry the picked choice as <c>value.choiceId</c>; typed text has no value.</summary>
    private static string? ChoiceIdFrom(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } submitted
        && submitted.TryGetProperty("choiceId", out var choice)
        && choice.ValueKind == JsonValueKind.String
            ? choice.GetString()
            : null;

    private static ConversationAddress? ToAddress(Activity activity, string channelId)
    {
        if (string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return null;
        }

        var conversation = activity.Conversation!;
        var tenantId = conversation.TenantId ?? TenantFromChannelData(activity.ChannelData);
        var reference = new ConversationReference(
            channelId,
            activity.ServiceUrl,
            new ConversationReferenceConversation(conversation.Id!, conversation.ConversationType, tenantId),
            new ConversationReferenceAccount(activity.From!.Id!, activity.From.Name, activity.From.AadObjectId),
            activity.Recipient?.Id is { } botId ? new ConversationReferenceAccount(botId, activity.Recipient.Name, null) : null,
            activity.Locale);
        return new ConversationAddress(AddressChannel, JsonSerializer.Serialize(reference, BotFrameworkJson.Default.ConversationReference));
    }

    private static string? TenantFromChannelData(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant)
        && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id)
        && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
