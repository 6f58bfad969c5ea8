using System.Text.Json.Nodes;

namespace BalanceBot.Testing;

/// <param name="RawTarget">The request target exactly as sent, so path escaping can be checked.</param>
/// <param name="Headers">The other request headers the spec names: Content-Type, Accept and User-Agent.</param>
internal sealed record ReceivedActivity(string RawTarget, JsonObject Body, string Authorization, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>
    /// The message text, or for an Adaptive Card its TextBlocks put back together: a block with medium spacing starts
    /// a paragraph (a blank line), any other block a new line.
    /// </summary>
    public string? Text => Body["text"]?.GetValue<string>() ?? CardText();

    /// <summary>The titles of the buttons: suggested actions, or the actions of the card and its action sets.</summary>
    public IReadOnlyList<string> Buttons =>
        (Body["suggestedActions"]?["actions"]?.AsArray().ToList() ?? CardActions()).Select(a => a!["title"]!.GetValue<string>()).ToList();

    /// <summary>What Teams posts back as <c>value</c> when the card's button for <paramref name="choiceId"/> is pressed.</summary>
    public JsonObject SubmitValue(string choiceId) =>
        (JsonObject)CardActions().Single(a => a!["data"]?["choiceId"]?.GetValue<string>() == choiceId)!["data"]!.DeepClone();

    /// <summary>The card's body elements, empty when the message has no card.</summary>
    public IReadOnlyList<JsonNode?> CardBody => Body["attachments"]?[0]?["content"]?["body"]?.AsArray().ToList() ?? [];

    private List<JsonNode?> CardActions() =>
        [.. CardBody.Where(e => e?["type"]?.GetValue<string>() == "ActionSet").SelectMany(e => e!["actions"]!.AsArray()),
         .. Body["attachments"]?[0]?["content"]?["actions"]?.AsArray() ?? []];

    private string? CardText()
    {
        var blocks = CardBody.Where(e => e?["type"]?.GetValue<string>() == "TextBlock").ToList();
        if (blocks.Count == 0)
        {
            return null;
        }

        var text = new System.Text.StringBuilder(blocks[0]!["text"]!.GetValue<string>());
        foreach (var block in blocks.Skip(1))
        {
            text.Append(block!["spacing"]?.GetValue<string>() == "Medium" ? "\n\n" : "\n").Append(block["text"]!.GetValue<string>());
        }

        return text.ToString();
    }
}
