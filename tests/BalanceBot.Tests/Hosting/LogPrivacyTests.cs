using System.Net;
using BalanceBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceBot.Tests.Hosting;

public sealed class LogPrivacyTests
{
    [Fact]
    public async Task What_users_type_never_reaches_the_logs_at_any_level()
    {
        var logs = new CapturedLogs();
        await using var bot = await BotServer.StartAsync(logs: logs);
        string[] said = ["Zebrafinch-hi", "yes", "My settings", "Quasimodo-Name", "8:17", "Kazoo-not-a-number", "cancel"];

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
        // What the user types carries distinctive words; the rest of the check-up is played from each question's
        // choice ids, so the test follows the dialog as it is written rather than a fixed list of answers.
        string[] said = ["hi", "no", "my back hurts Quetzal", "change", "nothing like that Axolotl", "Pangolin", "Wombat"];
        for (var i = 0; i < said.Length; i++)
        {
            await bot.PostAsync(bot.Message(said[i], $"checkup-{i}"));
        }

        var replies = bot.Connector.Drain().ToList();
        var states = bot.App.Services.GetRequiredService<IConversationStateStore>();
        var conversation = bot.Database.Database.GetCollection("conversations").FindAll().Single()["_id"].AsString;
        for (var turn = said.Length; (await states.LoadAsync(conversation, CancellationToken.None))?.Active is { DialogId: not SystemDialogs.Menu }; turn++)
        {
            Assert.True(turn < 60, "the check-up did not finish");
            var actions = replies[^1].CardBody.Where(e => e!["type"]!.GetValue<string>() == "ActionSet").SelectMany(e => e!["actions"]!.AsArray()).ToList();
            var pick = actions.FirstOrDefault(a => a!["data"]?["choiceId"]?.GetValue<string>() is "none" or "no" or "lower_back") ?? actions.FirstOrDefault();
            await bot.PostAsync(bot.Message(pick?["title"]!.GetValue<string>() ?? "6", $"checkup-{turn}"));
            replies.AddRange(bot.Connector.Drain());
        }

        Assert.Contains(replies, r => r.Text?.Contains("**", StringComparison.Ordinal) == true); // an outcome was given
        foreach (var secret in new[] { "Quetzal", "Axolotl", "Pangolin", "Wombat", "back hurts", "lower back", "lower_back", "self_care", "physio_or_gp_routine", "gp_soon", "urgent_same_day" })
        {
            Assert.DoesNotContain(logs.Entries, e => e.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}

/// <summary>
/// Issue 8: settings, broadcasts (API and chat), Discord interactions and data exports run with distinctive strings;
/// none of them, nor the admin key, the bot token, an interaction token, a signature or an export link, reaches
/// the captured logs at any level.
/// </summary>
public sealed class SecretLogPrivacyTests : IDisposable
{
    private const string LeadAad = "6c1d7a70-1111-4222-8333-944455556666";
    private readonly TestDiscordApplication _discordApp = new();

    [Fact]
    public async Task Settings_broadcasts_keys_tokens_signatures_and_export_links_never_reach_the_logs()
    {
        var logs = new CapturedLogs();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var discord = await FakeDiscordApi.StartAsync(time);
        var adminKey = BalanceBot.Admin.AdminApiKeys.NewKey();
        var settings = BalanceBot.Tests.Channels.DiscordDialogTests.DiscordSettings(_discordApp.PublicKey, discord.BaseUrl);
        settings["Admin:ApiKeySha256:0"] = adminKey.Sha256;
        settings["Admin:TeamsAdmins:0"] = LeadAad;
        settings["Privacy:PublicUrl"] = "https://bot.example.com";
        await using var bot = await BotServer.StartAsync(settings, logs, time: time);
        var said = new List<string>();
        async Task SayAsync(string text, string? aad = null)
        {
            var activity = bot.Message(text, $"s{said.Count}");
            activity["from"]!["aadObjectId"] = aad ?? "d2ffaeab-d802-4fec-8580-0987e9ad2628";
            await bot.PostAsync(activity);
            said.AddRange(bot.Connector.Drain().Select(a => a.Text ?? ""));
        }

        // Settings with distinctive answers.
        foreach (var text in new[] { "hi", "no", "settings", "Quokka-Name", "7:55", "4", "Narnia-country" })
        {
            await SayAsync(text);
        }

        // A Discord user: signed interactions (commands with interaction tokens); the broadcasts below reach them by DM.
        var client = new SignedDiscordClient(bot.Http, _discordApp, () => time.GetUtcNow());
        var member = new DiscordInteractionBuilder("787271007046991882", "53908232506183680");
        var signatures = new List<string>();
        foreach (var command in new[] { "stretch", "help" })
        {
            var body = member.Command(command);
            signatures.Add(_discordApp.Sign(body, time.GetUtcNow()).Signature);
            await client.AnswerAsync(body);
        }

        // A broadcast through the API, and one composed in chat by a wellness lead.
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/broadcasts") { Content = System.Net.Http.Json.JsonContent.Create(new { text = "Narwhal-broadcast-text" }) })
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", adminKey.Key);
            using var created = await bot.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        foreach (var text in new[] { "broadcast", "Ocelot-chat-broadcast", "no exercise", "everyone", "now", "yes" })
        {
            await SayAsync(text, LeadAad);
        }

        await bot.DriveClockAsync(bot.App.Services.GetRequiredService<BalanceBot.Core.Broadcasts.BroadcastDispatcher>().RunOnceAsync(CancellationToken.None));
        Assert.Contains(discord.Messages, m => m["content"]?.GetValue<string>().StartsWith("Narwhal-broadcast-text", StringComparison.Ordinal) == true);

        // An export link, used.
        await SayAsync("export my data");
        var link = said.Last().Split(' ', '\n').Single(w => w.StartsWith("https://bot.example.com/", StringComparison.Ordinal));
        using (var download = await bot.Http.GetAsync(new Uri(link).PathAndQuery))
        {
            Assert.True(download.StatusCode == HttpStatusCode.OK, string.Join("\n", logs.Entries.Where(e => e.StartsWith("Error", StringComparison.Ordinal)).Take(1)));
        }

        Assert.NotEmpty(logs.Entries);
        string[] secrets =
        [
            "Quokka", "Narnia", "7:55", "07:55", "Narwhal", "Ocelot", adminKey.Key, adminKey.Sha256, FakeDiscordApi.BotToken, member.LastToken,
            new Uri(link).Query["?link=".Length..], .. signatures,
        ];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logs.Entries, e => e.Contains(secret, StringComparison.OrdinalIgnoreCase) && !e.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal));
        }
    }

    public void Dispose() => _discordApp.Dispose();
}
