using System.Text.Json.Serialization;

namespace BalanceBot.Channels.Discord;

/// <summary>Source-generated JSON for the Discord wire types: snake_case, nulls omitted, no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(MessageCreate))]
[JsonSerializable(typeof(InteractionCallbackData))]
[JsonSerializable(typeof(DiscordChannel))]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(CreateDmChannel))]
[JsonSerializable(typeof(DiscordError))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
internal sealed partial class DiscordJson : JsonSerializerContext;
