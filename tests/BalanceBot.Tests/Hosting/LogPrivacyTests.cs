using System.Net;

namespace BalanceBot.Tests.Hosting;

public sealed class LogPrivacyTests
{
    [Fact]
    public async Task What_users_type_never_reaches_the_logs_at_any_level()
    {
        var logs = new CapturedLogs();
        await using var bot = await BotServer.StartAsync(logs: logs);
        string[] said = ["Zebrafinch-hi", "yes", "My working day", "Quasimodo-Name", "8:17", "Kazoo-not-a-number", "cancel"];

        for (var i = 0; i < said.Length; i++)
        {
            var response = await bot.PostAsync(bot.Message(said[i], $"private-{i}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var malformed = await bot.PostRawAsync("""{"type":"message","text":"Xylophone-secret","from":{"id":"u"},"conversation":{}}""");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        Assert.Contains(logs.Entries, e => e.Contains("private-", StringComparison.Ordinal) || e.Contains("/api/messages", StringComparison.Ordinal));
        foreach (var secret in new[] { "Zebrafinch", "Quasimodo", "08:17", "8:17", "Kazoo", "Xylophone", "working day" })
        {
            Assert.DoesNotContain(logs.Entries, e => e.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Reply_text_and_stored_preferences_never_reach_the_logs()
    {
        var logs = new CapturedLogs();
        await using var bot = await BotServer.StartAsync(logs: logs);
        var activity = bot.Message("hi", "p1");
        activity["from"]!.AsObject()["name"] = "Marmaduke";

        await bot.PostAsync(activity);
        await bot.Connector.TakeAsync(4);

        Assert.DoesNotContain(logs.Entries, e => e.Contains("Marmaduke", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Contains("movement coach", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_up_answers_never_reach_the_logs_at_any_level()
    {
        var logs = new CapturedLogs();
        await using var bot = await BotServer.StartAsync(logs: logs);
        string[] said =
        [
            "hi", "no", "my back hurts",
            "no Quetzal", "no", "no", "no", // the emergency screen
            "lower back Axolotl", "no", "no", "no", "no", "no", "no", "no", "no", "no", "no", "no", // the area and its 11 red flags
            "no Pangolin", "2", "1", "6 Wombat", "no", "no", "not much", // onset, movement, duration, pain, inflammation, nerves, mood
            "no", "no", // keep nothing, no exercise now
        ];

        for (var i = 0; i < said.Length; i++)
        {
            await bot.PostAsync(bot.Message(said[i], $"checkup-{i}"));
        }

        var replies = bot.Connector.Drain();
        Assert.Contains(replies, r => r.Text?.StartsWith("**", StringComparison.Ordinal) == true);
        foreach (var secret in new[] { "Quetzal", "Axolotl", "Pangolin", "Wombat", "back hurts", "lower back", "self_care", "urgent_same_day" })
        {
            Assert.DoesNotContain(logs.Entries, e => e.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
