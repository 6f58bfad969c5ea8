using System.Text.Json;
using System.Text.Json.Nodes;
using BalanceBot.Channels.BotFramework;
using BalanceBot.Channels.Console;
using BalanceBot.Channels.Discord;
using BalanceBot.Core.Conversations;
using BalanceBot.Storage;

namespace BalanceBot.Tests.Judges;

/// <summary>
/// Issue 13 §4: every reply shape of every dialog, as each channel lays it out, free of the artefacts that client
/// shows: Web Chat joins single line breaks, a terminal prints <c>**</c> literally, Discord shows no markdown in
/// labels. Safety text keeps its warning sign everywhere.
/// </summary>
public sealed class ChannelTextLayoutTests
{
    [Fact]
    public async Task Web_Chat_text_has_a_blank_line_between_all_lines()
    {
        await using var bot = await BotServer.StartAsync();
        var inbound = Inbound(bot, "webchat");

        var texts = Shapes(bot).Select(s => (s.Name, Text: ActivityMapper.ToActivity(inbound, s.Reply, Prompts(bot)).Text!)).ToList();

        Assert.All(texts, t => Assert.False(HasSingleLineBreak(t.Text), $"{t.Name}: {t.Text}"));
        Assert.Contains(texts, t => t.Text.Contains("\n\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Teams_plain_text_has_a_blank_line_between_all_lines_and_cards_no_line_break_in_a_block()
    {
        await using var bot = await BotServer.StartAsync();
        var inbound = Inbound(bot, "msteams");

        foreach (var (name, reply) in Shapes(bot))
        {
            var activity = ActivityMapper.ToActivity(inbound, reply, Prompts(bot));
            if (activity.Attachments is [var card])
            {
                var blocks = JsonNode.Parse(card.Content!.Value.GetRawText())!["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "TextBlock");
                Assert.All(blocks, b => Assert.DoesNotContain('\n', b!["text"]!.GetValue<string>()));
            }
            else
            {
                Assert.False(HasSingleLineBreak(activity.Text!), $"{name}: {activity.Text}");
            }
        }
    }

    [Fact]
    public async Task The_terminal_shows_no_markdown_marks()
    {
        await using var bot = await BotServer.StartAsync();
        var shapes = Shapes(bot);
        Assert.Contains(shapes, s => s.Reply.Text.Contains("**", StringComparison.Ordinal));

        Assert.All(shapes, s => Assert.DoesNotContain("**", ConsoleChat.Render(s.Reply), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Discord_markdown_is_balanced_in_content_and_absent_from_labels_and_forms()
    {
        await using var bot = await BotServer.StartAsync();
        var renderer = new DiscordReplyRenderer(new LiteDbDiscordStore(bot.Database), bot.Time);

        foreach (var (name, reply) in Shapes(bot))
        {
            foreach (var message in renderer.Render([reply], "1234567890", ephemeral: false))
            {
                var json = JsonNode.Parse(JsonSerializer.Serialize(message, DiscordJson.Default.InteractionCallbackData))!;
                var content = json["content"]!.GetValue<string>();
                Assert.True(Count(content, "**") % 2 == 0, $"{name}: unbalanced bold in {content}");
                // Button and select labels, select placeholders: Discord shows them as plain text.
                foreach (var label in (json["components"]?.AsArray() ?? []).SelectMany(Labels))
                {
                    Assert.DoesNotContain("**", label, StringComparison.Ordinal);
                }
            }
        }

        // The form's hint is the question in a label's description, which shows no markdown either.
        var store = new LiteDbDiscordStore(bot.Database);
        var ask = Shapes(bot).First(s => s.Reply.Ask == AskKind.Number).Reply;
        var asked = renderer.Render([ask with { Text = "**Bold** question" }], "1234567890", ephemeral: false)[^1];
        Assert.True(DiscordReplyRenderer.TryParseCustomId(asked.Components![^1].Components![0].CustomId, out var promptId, out _));
        var hint = DiscordReplyRenderer.Modal(store.FindPrompt(promptId)!).Components![0].Description!;
        Assert.Equal("Bold question", hint);
    }

    [Fact]
    public async Task Safety_text_carries_its_warning_sign_on_every_channel()
    {
        await using var bot = await BotServer.StartAsync();
        var emergency = Shapes(bot).Single(s => s.Name == "emergency.act_now").Reply;
        var renderer = new DiscordReplyRenderer(new LiteDbDiscordStore(bot.Database), bot.Time);

        Assert.StartsWith(SafetyText.Marker, ActivityMapper.ToActivity(Inbound(bot, "webchat"), emergency, Prompts(bot)).Text, StringComparison.Ordinal);
        Assert.StartsWith(SafetyText.Marker, renderer.Render([emergency], "1234567890", ephemeral: false)[0].Content, StringComparison.Ordinal);
        Assert.StartsWith(SafetyText.Marker, ConsoleChat.Render(emergency), StringComparison.Ordinal);
        // Every line of a marked step carries the sign, so no safety line is left plain.
        Assert.All(emergency.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.True(SafetyText.IsMarked(line), line));
    }

    private static IEnumerable<string> Labels(JsonNode? component) =>
        component is null
            ? []
            : new[] { component["label"], component["placeholder"] }.Where(n => n is not null).Select(n => n!.GetValue<string>())
                .Concat((component["options"]?.AsArray() ?? []).Select(o => o!["label"]!.GetValue<string>()))
                .Concat((component["components"]?.AsArray() ?? []).SelectMany(Labels));

    private static bool HasSingleLineBreak(string text) =>
        text.Replace("\n\n", string.Empty, StringComparison.Ordinal).Contains('\n', StringComparison.Ordinal);

    private static int Count(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private static IReadOnlyList<(string Name, Reply Reply)> Shapes(BotServer bot) => ReplyShapes.All(bot.App.Services.GetRequiredService<DialogCatalog>());

    private static ICardPromptStore Prompts(BotServer bot) => bot.App.Services.GetRequiredService<ICardPromptStore>();

    private static Activity Inbound(BotServer bot, string channelId)
    {
        var activity = bot.Fixture("teams-personal-message.json");
        activity["channelId"] = channelId;
        return JsonSerializer.Deserialize(activity.ToJsonString(), BotFrameworkJson.Default.Activity)!;
    }
}
