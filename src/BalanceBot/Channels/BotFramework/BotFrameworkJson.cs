using System.Text.Json.Serialization;

namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// Source-generated System.Text.Json metadata for the wire types: camelCase, nulls omitted (as the .NET SDK sends,
/// botframework.md §1.1), no reflection on the hot path.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
internal sealed partial class BotFrameworkJson : JsonSerializerContext;
