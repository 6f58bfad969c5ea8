using System.Text.Json;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Users;
using BalanceBot.Storage;

namespace BalanceBot.Channels.BotFramework;

/// <summary>Translates between Bot Framework activities and Core's neutral turns and replies.</summary>
internal static class ActivityMapper
{
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
            UserKey = UserKey(activity),
            ConversationKey = $"{channelId}:{activity.Conversation!.Id}",
            Text = WithoutBotMention(activity),
            ChoiceId = ChoiceIdFrom(activity.Value),
            UserDisplayName = activity.From!.Name,
            Locale = activity.Locale,
            TimeZone = activity.LocalTimezone,
            Address = ToAddress(activity, channelId),
        };
    }

    /// <summary>A reply addressed back to the sender, in the same conversation, threaded under the inbound activity.</summary>
    /// <param name="prompts">Where a card's choices are saved first; null only for replies that never carry choices.</param>
    public static Activity ToActivity(Activity inbound, Reply reply, ICardPromptStore? prompts)
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
            Text = MarkdownText.Paragraphs(reply.Text),
            TextFormat = "markdown",
            InputHint = reply.ExpectsInput ? "expectingInput" : "acceptingInput",
        };
        if (inbound.ChannelId == TeamsChannelId && (reply.Choices.Count > 0 || reply.Text.Contains(SafetyText.Marker, StringComparison.Ordinal)))
        {
            // Teams shows suggested actions only in personal chats and for at most 3 buttons (trap 12): use a card.
            // Safety text is a card too, since only a card's TextBlock can colour it.
            activity.Text = null;
            string? promptId = null;
            if (reply.Choices.Count > 0)
            {
                ArgumentNullException.ThrowIfNull(prompts);
                promptId = prompts.Issue(UserKey(inbound), [.. reply.Choices.Select(c => c.Id)], isQuestion: reply.ExpectsInput);
            }

            activity.Attachments = [AdaptiveCards.For(reply, promptId)];
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

    /// <summary>The channel-qualified key of the activity's sender (the user, for inbound activities and proactive contexts).</summary>
    public static string UserKey(Activity activity) =>
        $"{(string.IsNullOrEmpty(activity.ChannelId) ? DefaultChannelId : activity.ChannelId)}:{activity.From!.Id}";

    /// <summary>A card submit: the activity carries a <c>value</c> object (typed text has none).</summary>
    public static bool IsCardSubmit(Activity activity) => activity.Value is { ValueKind: JsonValueKind.Object };

    /// <summary>Card submits carry the picked choice as <c>value.choiceId</c>; typed text has no value.</summary>
    public static string? ChoiceIdFrom(JsonElement? value) => StringField(value, "choiceId");

    /// <summary>The card's prompt, as written by <see cref="AdaptiveCards.For"/>; forged or old cards may lack it.</summary>
    public static string? PromptIdFrom(JsonElement? value) => StringField(value, "promptId");

    private static string? StringField(JsonElement? value, string name) =>
        value is { ValueKind: JsonValueKind.Object } submitted
        && submitted.TryGetProperty(name, out var field)
        && field.ValueKind == JsonValueKind.String
            ? field.GetString()
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
        return new ConversationAddress(ChannelNames.BotFramework, JsonSerializer.Serialize(reference, BotFrameworkJson.Default.ConversationReference));
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
