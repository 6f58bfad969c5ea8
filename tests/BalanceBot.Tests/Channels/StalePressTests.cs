using System.Net;
using System.Text.Json.Nodes;
using BalanceBot.Channels.BotFramework;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Scheduling;
using BalanceBot.Storage;
using BalanceBot.Testing;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BalanceBot.Tests.Channels;

/// <summary>
/// Issue 13: Teams and Web Chat keep old cards clickable, so a press is taken only on the card of the open question,
/// by its owner, with a choice that card offered. Anything else gets the moved-on note and changes nothing stored.
/// </summary>
public sealed class StalePressTests
{
    [Fact]
    public async Task Pressing_None_again_on_the_red_flag_checklist_card_does_not_answer_the_next_question()
    {
        await using var bot = await BotServer.StartAsync();
        var (_, firstRedFlag) = await OpenCheckupAsync(bot);
        var areaQuestion = await PressAsync(bot, firstRedFlag.SubmitValue("none"), "press-1");
        Assert.NotEqual(firstRedFlag.SubmitValue("none")["promptId"]!.GetValue<string>(), areaQuestion.SubmitValue("neck")["promptId"]!.GetValue<string>());
        var before = StoredState(bot);

        var note = await PressAsync(bot, firstRedFlag.SubmitValue("none"), "press-2");

        Assert.Equal(MovedOnNote(bot), note.Text);
        Assert.Null(note.Body["attachments"]);
        Assert.Equal(before, StoredState(bot));

        // The open question still takes its own card's press.
        var next = await PressAsync(bot, areaQuestion.SubmitValue("neck"), "press-3");
        Assert.NotEqual(MovedOnNote(bot), next.Text);
        Assert.NotEqual(before, StoredState(bot));
    }

    [Fact]
    public async Task Pressing_Yes_on_the_welcome_card_while_a_red_flag_question_is_open_changes_nothing()
    {
        await using var bot = await BotServer.StartAsync();
        var (welcome, _) = await OpenCheckupAsync(bot);
        var before = StoredState(bot);

        var note = await PressAsync(bot, welcome.SubmitValue("yes"), "press-1");

        Assert.Equal(MovedOnNote(bot), note.Text);
        Assert.Equal(before, StoredState(bot));
    }

    public static TheoryData<string> Forgeries => ["unknown prompt", "missing prompt", "choice not on the card", "another user", "web chat without prompt", "not an object"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_or_malformed_submit_gets_the_note_and_changes_nothing(string forgery)
    {
        await using var bot = await BotServer.StartAsync();
        var (_, redFlag) = await OpenCheckupAsync(bot);
        var before = StoredState(bot);
        var submit = bot.Message("", "forged-1");
        submit.Remove("text");
        var value = redFlag.SubmitValue("none");
        switch (forgery)
        {
            case "unknown prompt": value["promptId"] = "0123456789abcdef01234567"; break;
            case "missing prompt": value.Remove("promptId"); break;
            case "choice not on the card": value["choiceId"] = "campaign_leave:x"; break;
            case "another user": submit["from"]!["id"] = "29:someone-else"; break;
            case "web chat without prompt":
                submit["channelId"] = "webchat";
                value = new JsonObject { ["choiceId"] = "none" };
                break;
            case "not an object": value = new JsonObject { ["choiceId"] = new JsonArray("none"), ["promptId"] = 7 }; break;
        }

        submit["value"] = value;
        using var response = await bot.PostAsync(submit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MovedOnNote(bot), Assert.Single(await bot.Connector.TakeAsync(1)).Text);
        Assert.Equal(before, StoredState(bot));
    }

    [Fact]
    public async Task A_reminder_card_counts_once_and_a_day_old_one_not_at_all()
    {
        await using var bot = await BotServer.StartAsync();
        await bot.PostAsync(bot.Fixture("teams-personal-message.json"));
        await bot.Connector.TakeAsync(4);
        var tuesdayNineBerlin = new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero);
        var store = bot.App.Services.GetRequiredService<IReminderStore>();
        bot.Time.SetUtcNow(tuesdayNineBerlin.AddMinutes(-30));
        var subscription = new ReminderSubscription { UserKey = "msteams:29:uniqueId", Schedule = ReminderSchedule.Default("Europe/Berlin") };
        subscription.Reschedule(Instant.FromDateTimeOffset(bot.Time.GetUtcNow()));
        await store.SaveAsync(subscription, CancellationToken.None);
        var sweep = bot.App.Services.GetRequiredService<ReminderSweep>();
        bot.Time.SetUtcNow(tuesdayNineBerlin.AddSeconds(20));
        await sweep.RunOnceAsync(CancellationToken.None);
        var prompt = Assert.Single(await bot.Connector.TakeAsync(1));
        // The exercise's steps and safety lines are blocks of their own: no TextBlock hides a single line break.
        var blocks = prompt.CardBody.Where(e => e!["type"]!.GetValue<string>() == "TextBlock").ToList();
        Assert.True(blocks.Count > 3);
        Assert.All(blocks, block => Assert.DoesNotContain('\n', block!["text"]!.GetValue<string>()));
        Assert.All(prompt.CardBody.Where(e => e!["type"]!.GetValue<string>() == "ActionSet"), row => Assert.InRange(row!["actions"]!.AsArray().Count, 1, 3));

        var done = await PressAsync(bot, prompt.SubmitValue(ReminderPrompt.Done), "done-1");
        Assert.NotEqual(MovedOnNote(bot), done.Text);
        var afterDone = StoredState(bot);
        var again = await PressAsync(bot, prompt.SubmitValue(ReminderPrompt.Done), "done-2");

        Assert.Equal(MovedOnNote(bot), again.Text);
        Assert.Equal(afterDone, StoredState(bot));

        bot.Time.SetUtcNow(tuesdayNineBerlin.AddHours(1).AddSeconds(20));
        await sweep.RunOnceAsync(CancellationToken.None);
        var next = Assert.Single(await bot.Connector.TakeAsync(1));
        bot.Time.Advance(LiteDbCardPromptStore.PromptLifetime + TimeSpan.FromMinutes(1));
        var beforeExpired = StoredState(bot);
        var expired = await PressAsync(bot, next.SubmitValue(ReminderPrompt.Skip), "skip-1");

        Assert.Equal(MovedOnNote(bot), expired.Text);
        Assert.Equal(beforeExpired, StoredState(bot));
    }

    [Fact]
    public async Task An_unknown_invoke_gets_501_like_botbuilders_ActivityHandler()
    {
        await using var bot = await BotServer.StartAsync();
        var invoke = bot.Message("", "invoke-1");
        invoke["type"] = "invoke";
        invoke["name"] = "composeExtension/query";

        using var response = await bot.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    /// <summary>The Teams fixture user says hello, declines the welcome question and starts a check-up.</summary>
    private static async Task<(ReceivedActivity Welcome, ReceivedActivity FirstRedFlag)> OpenCheckupAsync(BotServer bot)
    {
        await bot.PostAsync(bot.Fixture("teams-personal-message.json"));
        var welcome = (await bot.Connector.TakeAsync(4))[3];
        await PressAsync(bot, welcome.SubmitValue("no"), "decline-1");
        await bot.PostAsync(bot.Message("checkup", "checkup-1"));
        var screen = await bot.Connector.TakeAsync(2);
        return (welcome, screen[1]);
    }

    private static async Task<ReceivedActivity> PressAsync(BotServer bot, JsonObject value, string id)
    {
        var submit = bot.Message("", id);
        submit.Remove("text");
        submit["value"] = value;
        using var response = await bot.PostAsync(submit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(await bot.Connector.TakeAsync(1));
    }

    private static string MovedOnNote(BotServer bot) =>
        bot.App.Services.GetRequiredService<DialogCatalog>().GetDialog(BotFrameworkAdapter.MovedOnDialog).Steps[0].Text!;

    /// <summary>Every stored conversation, reminder and card prompt, so "nothing changed" covers all of them.</summary>
    private static string StoredState(BotServer bot)
    {
        var database = bot.Database.Database;
        return string.Join("\n", database.GetCollectionNames().Order(StringComparer.Ordinal)
            .Select(name => name + ":" + string.Join(",", database.GetCollection(name).FindAll().Select(d => JsonSerializer.Serialize(d)))));
    }
}
