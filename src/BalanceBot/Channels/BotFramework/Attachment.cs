using System.Text.Json;
using System.Text.Json.Serialization;

namespace BalanceBot.Channels.BotFramework;

/// <summary>An activity attachment; BalanceBot sends Adaptive Cards (<c>application/vnd.microsoft.card.adaptive</c>).</summary>
internal sealed class Attachment
{
    public string? ContentType { get; set; }

    public JsonElement? Content { get; set; }

    public string? ContentUrl { get; set; }

    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
