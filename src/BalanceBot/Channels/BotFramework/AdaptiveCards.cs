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

    /// <summary>Teams lays a card's actions out in one row and shows at most 6 (host config maxActions): 3 per row at most.</summary>
    public const int MaxButtonsPerRow = 3;

    /// <summary>
    /// A row's width at 320 px (Teams on a phone), in characters of a 14 px label: about 280 px inside the card's
    /// padding at 8 px a character. Measured with tests/judges/screenshots.js: wider rows cut labels to "Sh…".
    /// </summary>
    private const int RowWidthInCharacters = 35;

    /// <summary>A button's border and padding, in the same characters, and the gap between two buttons.</summary>
    private const int ButtonChromeInCharacters = 4;

    /// <param name="promptId">The saved prompt the buttons answer; null for a card without choices (safety text).</param>
    public static Attachment For(Reply reply, string? promptId)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var body = TextBlocks(reply.Text);
        foreach (var row in Rows(reply.Choices))
        {
            // Stacked action sets, not the card's own actions: every choice is visible and none is cut to "Qui…".
            var actions = new JsonArray();
            foreach (var choice in row)
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

            body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = actions });
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        return new Attachment { ContentType = ContentType, Content = JsonSerializer.SerializeToElement(card, BotFrameworkJson.Default.JsonObject) };
    }

    /// <summary>
    /// Buttons in reading order, as many to a row as fit whole at 320 px and never more than 3; a label too long for
    /// a row of its own still gets one.
    /// </summary>
    private static List<List<ReplyChoice>> Rows(IReadOnlyList<ReplyChoice> choices)
    {
        var rows = new List<List<ReplyChoice>>();
        var width = 0;
        foreach (var choice in choices)
        {
            var needed = choice.Label.Length + ButtonChromeInCharacters;
            if (rows.Count == 0 || rows[^1].Count == MaxButtonsPerRow || width + 1 + needed > RowWidthInCharacters)
            {
                rows.Add([]);
                width = -1;
            }

            rows[^1].Add(choice);
            width += 1 + needed;
        }

        return rows;
    }

    /// <summary>
    /// One TextBlock per line: TextBlock markdown joins lines split by a single line break (microsoft/AdaptiveCards#5538),
    /// which ran "Stop if:" into the last step. A new paragraph (a blank line in the dialog) starts with medium spacing.
    /// </summary>
    private static JsonArray TextBlocks(string text)
    {
        var blocks = new JsonArray();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var first = true;
            foreach (var line in paragraph.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var block = new JsonObject { ["type"] = "TextBlock", ["text"] = line, ["wrap"] = true };
                if (SafetyText.IsMarked(line))
                {
                    // Safety text stands out: the host's attention colour (red in Teams) and bold, with its sign kept.
                    block["color"] = "Attention";
                    block["weight"] = "Bolder";
                }

                if (first && blocks.Count > 0)
                {
                    block["spacing"] = "Medium";
                }

                blocks.Add(block);
                first = false;
            }
        }

        return blocks;
    }
}
