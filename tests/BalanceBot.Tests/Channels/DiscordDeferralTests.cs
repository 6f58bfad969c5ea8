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
        (HttpStatusCode Status, System.Text.Json.Nodes.JsonObject? Body) posted;
        using (HoldConversations(bot))
        {
            posted = await bot.DriveClockAsync(client.PostAsync(user.Command("stretch", ("area", System.Text.Json.Nodes.JsonValue.Create("neck")!))));
        }

        var (status, answer) = posted;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(InteractionCallbackTypes.DeferredChannelMessageWithSource, answer!["type"]!.GetValue<int>());
        Assert.Equal(InteractionCallbackTypes.EphemeralFlag, answer["data"]!["flags"]!.GetValue<int>());

        var edit = await discord.NextTokenCallAsync();
        Assert.Equal((user.LastToken, "edit"), (edit.Token, edit.Kind));
        Assert.Contains("neck", edit.Body["content"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(edit.Body["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Empty(discord.BadRequests);

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
        HttpStatusCode firstStatus, secondStatus;
        System.Text.Json.Nodes.JsonObject? first;
        using (HoldConversations(bot))
        {
            (firstStatus, first) = await bot.DriveClockAsync(client.PostAsync(new DiscordInteractionBuilder(ApplicationId, "53908232506183680").Command("help")));
            (secondStatus, _) = await client.PostAsync(new DiscordInteractionBuilder(ApplicationId, "80351110224678912").Command("help"));
        }

        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Equal(InteractionCallbackTypes.DeferredChannelMessageWithSource, first!["type"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, secondStatus);
        Assert.Equal("edit", (await discord.NextTokenCallAsync()).Kind);
        Assert.Null(await bot.App.Services.GetRequiredService<BalanceBot.Core.Users.IUserStore>().FindAsync("discord:80351110224678912", CancellationToken.None));
    }

    /// <summary>Another writer holds the conversations collection (a slow disk stand-in) until disposed.</summary>
    private static HeldWriter HoldConversations(BotServer bot) => new(bot.Database.Database);

    private sealed class HeldWriter : IDisposable
    {
        private readonly ManualResetEventSlim _release = new();
        private readonly Thread _holder;

        public HeldWriter(LiteDatabase database)
        {
            using var held = new ManualResetEventSlim();
            _holder = new Thread(() =>
            {
                // LiteDB transactions belong to their thread: begun, held and rolled back on this one.
                database.BeginTrans();
                database.GetCollection("conversations").Upsert(new BsonDocument { ["_id"] = "held-by-test" });
                held.Set();
                _release.Wait();
                database.Rollback();
            });
            _holder.Start();
            held.Wait(Deadline.Default);
        }

        public void Dispose()
        {
            _release.Set();
            _holder.Join(Deadline.Default);
            _release.Dispose();
        }
    }
}
