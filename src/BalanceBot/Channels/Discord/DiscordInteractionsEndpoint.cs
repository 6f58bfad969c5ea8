using System.Buffers;
using System.Globalization;
using System.Text.Json;
using BalanceBot.Hosting;
using Microsoft.Extensions.Options;

namespace BalanceBot.Channels.Discord;

/// <summary>
/// <c>POST /api/discord/interactions</c> (discord.md §1): the Ed25519 signature over timestamp and raw body is checked
/// before anything is parsed, a stale timestamp counts as a replay, PING is answered inline with PONG. Every answer
/// is inline, so it is back well inside Discord's 3 seconds.
/// </summary>
internal sealed partial class DiscordInteractionsEndpoint(
    DiscordSignatureVerifier signatures,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordInteractionsEndpoint> logger)
{
    /// <summary>Interactions carry resolved users, roles and messages; 1 MiB leaves room without inviting abuse.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private const string NotYetAvailable =
        "Sorry, BalanceBot can't answer this on Discord yet. Check-ups, stretches and reminders are on their way here.";

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = http.Request;
        var signature = request.Headers["X-Signature-Ed25519"].ToString();
        var timestamp = request.Headers["X-Signature-Timestamp"].ToString();
        if (signature.Length == 0 || timestamp.Length == 0)
        {
            LogUnauthorized("signature headers missing");
            return Results.Unauthorized();
        }

        using var body = await RequestBody.ReadAsync(request, MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        switch (body.Status)
        {
            case RequestBodyStatus.TooLarge:
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            case RequestBodyStatus.Unreadable:
                return Results.BadRequest();
        }

        // Discord sends invalid signatures on purpose and drops an endpoint that accepts one (discord.md §1.1).
        if (!signatures.IsValid(timestamp, body.Bytes, signature))
        {
            LogUnauthorized("signature does not verify");
            return Results.Unauthorized();
        }

        if (!IsFresh(timestamp))
        {
            LogUnauthorized("timestamp outside the allowed skew");
            return Results.Unauthorized();
        }

        return Answer(body.Bytes);
    }

    private bool IsFresh(string timestamp)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var age = time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        return Math.Abs(age) <= options.Value.MaxTimestampSkewSeconds;
    }

    private IResult Answer(ReadOnlySpan<byte> body)
    {
        string? id;
        int type;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var interaction = JsonDocument.ParseValue(ref reader);
            var root = interaction.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || !typeElement.TryGetInt32(out type))
            {
                return Results.BadRequest();
            }

            id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        switch (type)
        {
            case InteractionTypes.Ping:
                return Json(writer => writer.WriteNumber("type", InteractionCallbackTypes.Pong));
            case InteractionTypes.ApplicationCommandAutocomplete:
                LogNotHandled(id, type);
                return Json(writer =>
                {
                    writer.WriteNumber("type", InteractionCallbackTypes.ApplicationCommandAutocompleteResult);
                    writer.WriteStartObject("data");
                    writer.WriteStartArray("choices");
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });
            default:
                // Never an error status: Discord would show the user "This interaction failed".
                LogNotHandled(id, type);
                return Json(writer =>
                {
                    writer.WriteNumber("type", InteractionCallbackTypes.ChannelMessageWithSource);
                    writer.WriteStartObject("data");
                    writer.WriteString("content", NotYetAvailable);
                    writer.WriteNumber("flags", InteractionCallbackTypes.EphemeralFlag);
                    writer.WriteEndObject();
                });
        }
    }

    private static IResult Json(Action<Utf8JsonWriter> writeFields)
    {
        var output = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writeFields(writer);
            writer.WriteEndObject();
        }

        return Results.Bytes(output.WrittenSpan.ToArray(), "application/json");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord interaction refused: {Reason}")]
    private partial void LogUnauthorized(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord interaction {InteractionId} of type {InteractionType} is not handled yet; answered with a polite ephemeral reply")]
    private partial void LogNotHandled(string? interactionId, int interactionType);
}
