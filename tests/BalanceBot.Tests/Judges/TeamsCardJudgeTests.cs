using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BalanceBot.Channels.BotFramework;
using BalanceBot.Core.Conversations;
using Xunit.Abstractions;

namespace BalanceBot.Tests.Judges;

/// <summary>
/// Issue 13: every card the bot can send to Teams, judged by Microsoft's own renderer (<c>adaptivecards</c> 3.0.6)
/// with the Teams host config of Microsoft's Adaptive Card designer. The cards come from the Teams channel's own
/// renderer: every reply shape of the dialogs, plus the cards a real conversation with the server produced.
/// All cards go to one node process for the class.
/// </summary>
public sealed class TeamsCardJudgeTests(TeamsCardJudgeTests.Verdicts verdicts, ITestOutputHelper output) : IClassFixture<TeamsCardJudgeTests.Verdicts>
{
    /// <summary>Three buttons to a row stay readable in Teams at 320 px; more are cut to "Qui…".</summary>
    private const int MaxButtonsPerActionSet = 3;

    [Fact]
    public void Every_card_parses_validates_and_renders_with_the_Teams_host_config_without_a_problem()
    {
        var failing = verdicts.Results.Where(r => r.Problems.Count > 0).Select(r => $"{r.Name}: {string.Join("; ", r.Problems)}").ToList();
        output.WriteLine($"{verdicts.Results.Count} cards judged, {failing.Count} with problems; most actions on one card: {verdicts.Results.Max(r => r.Actions)}");

        Assert.True(failing.Count == 0, string.Join("\n", failing));
    }

    [Fact]
    public void Every_choice_is_rendered_as_a_button_in_rows_of_at_most_three()
    {
        Assert.True(verdicts.Results.Count > 100, $"only {verdicts.Results.Count} cards were judged");
        Assert.Contains(verdicts.Results, r => r.Actions > verdicts.MaxActions);
        Assert.All(verdicts.Results, r =>
        {
            Assert.Equal(r.Actions, r.Rendered);
            Assert.InRange(r.MaxPerSet, 0, MaxButtonsPerActionSet);
        });
    }

    [Fact]
    public void Safety_text_is_coloured_attention_and_bold_and_other_text_is_not()
    {
        var emergency = verdicts.Cards.Single(c => c.Name == "emergency.act_now").Card;
        var reminder = verdicts.Cards.First(c => c.Name.StartsWith("reminder:", StringComparison.Ordinal)).Card;

        Assert.All(TextBlocks(emergency), block => Assert.Equal("Attention", block["color"]?.GetValue<string>()));
        var marked = TextBlocks(reminder).Where(b => b["text"]!.GetValue<string>().StartsWith(SafetyText.Marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, marked.Count);
        Assert.All(marked, block => Assert.Equal(("Attention", "Bolder"), (block["color"]?.GetValue<string>(), block["weight"]?.GetValue<string>())));
        Assert.All(TextBlocks(reminder).Except(marked), block => Assert.Null(block["color"]));
    }

    private static IEnumerable<JsonNode> TextBlocks(JsonNode card) =>
        card["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "TextBlock").Select(e => e!);

    internal sealed record Verdict(string Name, IReadOnlyList<string> Problems, int Actions, int Rendered, int MaxPerSet);

    /// <summary>Collects the cards once for the class and has the judge render them all in one node process.</summary>
    public sealed class Verdicts : IAsyncLifetime
    {
        public List<(string Name, JsonNode Card)> Cards { get; } = [];

        internal List<Verdict> Results { get; } = [];

        public int MaxActions { get; private set; }

        public async Task InitializeAsync()
        {
            await using (var bot = await BotServer.StartAsync())
            {
                var catalog = bot.App.Services.GetRequiredService<DialogCatalog>();
                foreach (var (name, reply) in ReplyShapes.All(catalog))
                {
                    // What the Teams channel sends for it: a card for choices and for safety text, else plain text.
                    var activity = ActivityMapper.ToActivity(TeamsInbound(bot), reply, bot.App.Services.GetRequiredService<BalanceBot.Storage.ICardPromptStore>());
                    if (activity.Attachments is [var card])
                    {
                        Cards.Add((name, JsonNode.Parse(card.Content!.Value.GetRawText())!));
                    }
                }

                await AddConversationCardsAsync(bot);
            }

            var input = new JsonArray([.. Cards.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["card"] = c.Card.DeepClone() })]);
            // Kept in the test output for tests/judges/screenshots.js, which renders them in Chromium by hand.
            await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "judged-cards.json"), input.ToJsonString());
            var report = await JudgeProcess.RunAsync("cards", input);
            MaxActions = report["maxActions"]!.GetValue<int>();
            Results.AddRange(report["results"]!.AsArray().Select(r => new Verdict(
                r!["name"]!.GetValue<string>(),
                [.. r["problems"]!.AsArray().Select(p => p!.GetValue<string>())],
                r["actions"]!.GetValue<int>(),
                r["rendered"]!.GetValue<int>(),
                r["maxPerSet"]!.GetValue<int>())));
        }

        public Task DisposeAsync() => Task.CompletedTask;

        /// <summary>The welcome, the menu after a "no" and the first check-up questions, as the server sent them.</summary>
        private async Task AddConversationCardsAsync(BotServer bot)
        {
            using (await bot.PostAsync(bot.Fixture("teams-personal-message.json")))
            {
            }

            var welcome = await bot.Connector.TakeAsync(4);
            var submit = bot.Message("", "decline-1");
            submit.Remove("text");
            submit["value"] = welcome[3].SubmitValue("no");
            using (var declined = await bot.PostAsync(submit))
            {
                Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
            }

            var afterDecline = await bot.Connector.TakeAsync(1);
            using (await bot.PostAsync(bot.Message("checkup", "checkup-1")))
            {
            }

            var checkup = await bot.Connector.TakeAsync(2);
            var received = welcome.Concat(afterDecline).Concat(checkup).ToList();
            for (var i = 0; i < received.Count; i++)
            {
                if (received[i].Body["attachments"]?[0]?["content"] is { } card)
                {
                    Cards.Add(($"conversation[{i}]", card.DeepClone()));
                }
            }
        }

        private static Activity TeamsInbound(BotServer bot) =>
            JsonSerializer.Deserialize(bot.Fixture("teams-personal-message.json").ToJsonString(), BotFrameworkJson.Default.Activity)!;
    }
}
