using System.Net;
using BalanceBot.Channels.Discord;
using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace BalanceBot.Tests.Channels;

/// <summary>
/// The 3-second rule (issue 6 §4): a turn that is still running when the acknowledgement budget runs out is answered
/// with "thinking…" (type 5) and finished by editing <c>@original</c> through the interaction token.
/// </summary>
public sealed class DiscordDeferralTests
{
    private const string ApplicationId = "787271007046991882";

    [Fact]
    public async Task A_turn_held_up_by_storage_is_deferred_then_completed_through_the_token()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var discord = await FakeDiscordApi.StartAsync(time);
        using var application = new TestDiscordApplication();
        var logs = new CapturedLogs();
        await using var bot = await BotServer.StartAsync(DiscordDialogTests.DiscordSettings(application.PublicKey, discord.BaseUrl), logs, time: time);
        var client = new SignedDiscordClient(bot.Http, application, time.GetUtcNow);
        var user = new DiscordInteractionBuilder(ApplicationId, "53908232506183680");

        // A real slow disk stand-in: another writer holds the conversations collection, so the turn cannot save.
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            var database = bot.Database.Database;
            database.BeginTrans();
            database.GetCollection("conversations").Upsert(new BsonDocument { ["_id"] = "held-by-test" });
            held.Set();
            release.Wait();
            database.Rollback();
        });
        holder.Start();
        held.Wait(Deadline.Default);

        var (status, answer) = await bot.DriveClockAsync(client.PostAsync(user.Command("stretch", ("area", System.Text.Json.Nodes.JsonValue.Create("neck")!))));
        release.Set();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(InteractionCallbackTypes.DeferredChannelMessageWithSource, answer!["type"]!.GetValue<int>());
        Assert.Equal(InteractionCallbackTypes.EphemeralFlag, answer["data"]!["flags"]!.GetValue<int>());

        var edit = await discord.NextTokenCallAsync();
        Assert.Equal((user.LastToken, "edit"), (edit.Token, edit.Kind));
        Assert.Contains("neck", edit.Body["content"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(edit.Body["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Empty(discord.BadRequests);
        holder.Join(Deadline.Default);

        // The interaction token is in the edit's URL: it is a secret and never reaches the logs.
        Assert.Contains(logs.Entries, m => m.Contains("deferred", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, m => m.Contains(user.LastToken, StringComparison.Ordinal) || m.Contains(FakeDiscordApi.BotToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Past_the_pending_limit_a_new_interaction_gets_503_before_its_turn_starts()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var discord = await FakeDiscordApi.StartAsync(time);
        using var application = new TestDiscordApplication();
        var settings = DiscordDialogTests.DiscordSettings(application.PublicKey, discord.BaseUrl);
        settings["Discord:MaxPendingFollowUps"] = "1";
        await using var bot = await BotServer.StartAsync(settings, time: time);
        var client = new SignedDiscordClient(bot.Http, application, time.GetUtcNow);

        // The first interaction is deferred behind a held writer and stays pending; the second finds no room.
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            var database = bot.Database.Database;
            database.BeginTrans();
            database.GetCollection("conversations").Upsert(new BsonDocument { ["_id"] = "held-by-test" });
            held.Set();
            release.Wait();
            database.Rollback();
        });
        holder.Start();
        held.Wait(Deadline.Default);
        var (firstStatus, first) = await bot.DriveClockAsync(client.PostAsync(new DiscordInteractionBuilder(ApplicationId, "53908232506183680").Command("help")));
        var (secondStatus, _) = await client.PostAsync(new DiscordInteractionBuilder(ApplicationId, "80351110224678912").Command("help"));
        release.Set();
        holder.Join(Deadline.Default);

        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Equal(InteractionCallbackTypes.DeferredChannelMessageWithSource, first!["type"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, secondStatus);
        Assert.Equal("edit", (await discord.NextTokenCallAsync()).Kind);
        Assert.Null(await bot.App.Services.GetRequiredService<BalanceBot.Core.Users.IUserStore>().FindAsync("discord:80351110224678912", CancellationToken.None));
    }
}
