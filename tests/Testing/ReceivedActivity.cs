using System.Text.Json.Nodes;

namespace BalanceBot.Testing;

/// <param name="RawTarget">The request target exactly as sent, so path escaping can be checked.</param>
/// <param name="Headers">The other request headers the spec names: Content-Type, Accept and User-Agent.</param>
internal sealed record ReceivedActivity(string RawTarget, JsonObject Body, string Authorization, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The message text, or for an Adaptive Card the text of its first TextBlock.</summary>
    public string? Text => Body["text"]?.GetValue<string>() ?? Body["attachments"]?[0]?["content"]?["body"]?[0]?["text"]?.GetValue<string>();

    /// <summary>The titles of the buttons: suggested actions or the card's actions.</summary>
    public IReadOnlyList<string> Buttons =>
        (Body["suggestedActions"]?["actions"] ?? Body["attachments"]?[0]?["content"]?["actions"])?.AsArray().Select(a => a!["title"]!.GetValue<string>()).ToList() ?? [];

    /// <summary>What Teams posts back as <c>value</c> when the card's button for <paramref name="choiceId"/> is pressed.</summary>
    public JsonObject SubmitValue(string choiceId) =>
        (JsonObject)Body["attachments"]![0]!["content"]!["actions"]!.AsArray()
            .Single(a => a!["data"]?["choiceId"]?.GetValue<string>() == choiceId)!["data"]!.DeepClone();
}
