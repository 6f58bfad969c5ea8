using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace BalanceBot.Testing;

/// <summary>Posts interactions to the bot the way Discord does: signed over timestamp and raw body.</summary>
internal sealed class SignedDiscordClient(HttpClient http, TestDiscordApplication application, Func<DateTimeOffset> now)
{
    public const string Route = "/api/discord/interactions";

    public async Task<(HttpStatusCode Status, JsonObject? Body)> PostAsync(byte[] body)
    {
        var signed = application.Sign(body, now());
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", signed.Timestamp);
        request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signed.Signature);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text)?.AsObject());
    }

    /// <summary>Posts and insists on a 200 with a JSON body.</summary>
    public async Task<JsonObject> AnswerAsync(byte[] body)
    {
        var (status, answer) = await PostAsync(body);
        if (status != HttpStatusCode.OK || answer is null)
        {
            throw new InvalidOperationException($"Expected 200 with a body, got {(int)status}.");
        }

        return answer;
    }
}
