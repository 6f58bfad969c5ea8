using System.Text.Json;
using System.Text.Json.Serialization;

namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// The Bot Framework activity (botframework.md §1.2), only the fields BalanceBot reads or writes. Unknown fields are
/// kept in <see cref="Extra"/> (A2005: receivers accept unknown fields).
/// </summary>
internal sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    public string? LocalTimezone { get; set; }

    public string? ReplyToId { get; set; }

    public string? InputHint { get; set; }

    public string? DeliveryMode { get; set; }

    public string? Action { get; set; }

    public List<ChannelAccount?>? MembersAdded { get; set; }

    public SuggestedActions? SuggestedActions { get; set; }

    public List<Attachment>? Attachments { get; set; }

    public List<JsonElement>? Entities { get; set; }

    public JsonElement? Value { get; set; }

    public JsonElement? ChannelData { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>Not on the wire: this activity was moved from a channel into the 1:1 chat, so replies are not threaded under it.</summary>
    [JsonIgnore]
    public bool MovedToPrivateChat { get; set; }
}
