using System.Text.Json;
using System.Text.Json.Serialization;

namespace BalanceBot.Channels.BotFramework;

internal sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    public bool? IsGroup { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
