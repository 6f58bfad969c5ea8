using System.Text.Json;
using System.Text.Json.Nodes;
using BalanceBot.Core.Conversations;

namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// Choices as an Adaptive Card, written by hand (the AdaptiveCards package is not served). <c>Action.Submit</c>, not
/// <c>Action.Execute</c> (botframework.md §1.4). The choice id travels at the top level of <c>data</c>, which Teams
/// and Web Chat both post back as <c>value</c>; the <c>msteams</c> messageBack part also echoes the label as the
/// user's message in Teams, so the conversation reads naturally and text matching still works.
/// </summary>
internal static class AdaptiveCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static Attachment ForChoices(Reply reply, string promptId)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var actions = new JsonArray();
        foreach (var choice in reply.Choices)
        {
            actions.Add(new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = choice.Label,
                ["data"] = new JsonObject
                {
                    ["choiceId"] = choice.Id,
                    // Old cards stay clickable: the server checks this prompt is still open before taking the press.
                    ["promptId"] = promptId,
                    ["msteams"] = new JsonObject { ["type"] = "messageBack", ["text"] = choice.Label, ["displayText"] = choice.Label },
                },
            });
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = reply.Text, ["wrap"] = true }),
            ["actions"] = actions,
        };
        return new Attachment { ContentType = ContentType, Content = JsonSerializer.SerializeToElement(card, BotFrameworkJson.Default.JsonObject) };
    }
}
