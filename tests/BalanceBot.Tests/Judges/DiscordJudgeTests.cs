using System.Text.Json;
using System.Text.Json.Nodes;
using BalanceBot.Channels.Discord;
using BalanceBot.Core.Conversations;
using BalanceBot.Storage;

namespace BalanceBot.Tests.Judges;

/// <summary>
/// Issue 13: the slash commands BalanceBot registers, the message of every reply shape and every "Type your answer"
/// form, rebuilt with Discord's own <c>@discordjs/builders</c>, whose validators reject what Discord would refuse.
/// </summary>
public sealed class DiscordJudgeTests
{
    [Fact]
    public async Task Commands_messages_and_forms_pass_the_discordjs_validators()
    {
        await using var bot = await BotServer.StartAsync();
        var catalog = bot.App.Services.GetRequiredService<DialogCatalog>();
        var renderer = new DiscordReplyRenderer(new LiteDbDiscordStore(bot.Database), bot.Time);
        var messages = new JsonArray();
        var modals = new JsonArray();
        foreach (var (name, reply) in ReplyShapes.All(catalog))
        {
            foreach (var (message, i) in renderer.Render([reply], "1234567890", ephemeral: false).Select((m, i) => (m, i)))
            {
                messages.Add(new JsonObject { ["name"] = $"{name}[{i}]", ["message"] = JsonNode.Parse(JsonSerializer.Serialize(message, DiscordJson.Default.InteractionCallbackData)) });
            }

            if (DiscordReplyRenderer.AcceptsTypedAnswer(reply.Ask))
            {
                var prompt = new DiscordPrompt("p1", "1234567890", [], reply.Ask, reply.Text[..Math.Min(reply.Text.Length, 100)], bot.Time.GetUtcNow(), bot.Time.GetUtcNow().AddHours(1));
                modals.Add(new JsonObject { ["name"] = $"{name}:form", ["modal"] = JsonNode.Parse(JsonSerializer.Serialize(DiscordReplyRenderer.Modal(prompt), DiscordJson.Default.InteractionCallbackData)) });
            }
        }

        var commands = JsonNode.Parse(JsonSerializer.Serialize(DiscordCommands.Definitions("32"), DiscordJson.Default.ListApplicationCommand))!;

        var report = await JudgeProcess.RunAsync("discord", new JsonObject { ["commands"] = commands, ["messages"] = messages, ["modals"] = modals });

        var results = report["results"]!.AsArray();
        var failing = results.Where(r => r!["problems"]!.AsArray().Count > 0).Select(r => $"{r!["name"]}: {r["problems"]![0]}").ToList();
        Assert.True(failing.Count == 0, string.Join("\n", failing));
        Assert.Equal(commands.AsArray().Count + messages.Count + modals.Count, results.Count);
        Assert.NotEmpty(modals);
        Assert.Contains(messages, m => m!["message"]!["components"]?.AsArray().Count > 0);
    }
}
