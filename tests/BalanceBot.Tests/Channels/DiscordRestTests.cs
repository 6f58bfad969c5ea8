using BalanceBot.Channels.Discord;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;
using Microsoft.Extensions.Time.Testing;

namespace BalanceBot.Tests.Channels;

/// <summary>
/// Reminders by DM through the REST client (issue 6 §5), against a loopback Discord that enforces route buckets and
/// the global limit on the same fake clock: nothing lost, nothing twice, nothing sent into an empty bucket.
/// </summary>
public sealed class DiscordRestTests
{
    private const string ApplicationId = "787271007046991882";

    private static readonly Reply Prompt = new("Time for a short movement break.", ReminderPrompt.Buttons, ExpectsInput: true);

    private static async Task<(BotServer Bot, FakeDiscordApi Discord)> StartAsync(Action<FakeDiscordApi>? configure = null, Dictionary<string, string?>? extra = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var discord = await FakeDiscordApi.StartAsync(time);
        configure?.Invoke(discord);
        using var application = new TestDiscordApplication();
        var settings = DiscordDialogTests.DiscordSettings(application.PublicKey, discord.BaseUrl);
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return (await BotServer.StartAsync(settings, time: time), discord);
    }

    private static string UserId(int i) => (400_000_000_000_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Task<DeliveryResult> SendAsync(BotServer bot, string userId) =>
        bot.App.Services.GetRequiredService<DiscordProactive>().SendAsync(new ConversationAddress("discord", userId), [Prompt], CancellationToken.None);

    [Fact]
    public async Task A_burst_of_2000_DMs_arrives_once_each_without_a_request_into_an_empty_bucket()
    {
        var (bot, discord) = await StartAsync(d => d.RateLimitEveryNthMessage = 97);
        await using var _ = bot;
        await using var __ = discord;

        var sends = Enumerable.Range(0, 2000).Select(i => SendAsync(bot, UserId(i))).ToArray();
        var results = await bot.DriveClockAsync(Task.WhenAll(sends));

        Assert.All(results, r => Assert.Equal(DeliveryResult.Delivered, r));
        Assert.Equal(2000, discord.Messages.Count);
        Assert.Equal(2000, discord.MessageChannels.Distinct().Count());
        Assert.Equal(2000, discord.DmChannelsCreatedFor.Count);
        Assert.Equal(2000, discord.DmChannelsCreatedFor.Distinct().Count());
        Assert.Equal(0, discord.BucketViolations);
        Assert.True(discord.InjectedRateLimits >= 20, $"{discord.InjectedRateLimits} injected 429s");
        Assert.Empty(discord.BadRequests);
        Assert.All(discord.Messages, m =>
        {
            Assert.True(m["enforce_nonce"]!.GetValue<bool>());
            Assert.Empty(m["allowed_mentions"]!["parse"]!.AsArray());
            Assert.Equal(5, m["components"]![0]!["components"]!.AsArray().Count);
        });

        // Each DM channel was kept: a second round opens none.
        var again = await bot.DriveClockAsync(Task.WhenAll(Enumerable.Range(0, 20).Select(i => SendAsync(bot, UserId(i)))));
        Assert.All(again, r => Assert.Equal(DeliveryResult.Delivered, r));
        Assert.Equal(2000, discord.DmChannelsCreatedFor.Count);
        Assert.Equal(2020, discord.Messages.Count);
        Assert.Equal(0, discord.BucketViolations);
    }

    [Fact]
    public async Task Many_DMs_to_one_user_wait_for_the_channel_bucket_to_reset()
    {
        var (bot, discord) = await StartAsync(d => d.BucketLimit = 3);
        await using var _ = bot;
        await using var __ = discord;

        var results = await bot.DriveClockAsync(Task.WhenAll(Enumerable.Range(0, 12).Select(_ => SendAsync(bot, UserId(1)))));

        Assert.All(results, r => Assert.Equal(DeliveryResult.Delivered, r));
        Assert.Equal(12, discord.Messages.Count);
        Assert.Equal(0, discord.BucketViolations);
        Assert.Single(discord.DmChannelsCreatedFor);
    }

    [Theory]
    [InlineData(50007)]
    [InlineData(50278)]
    public async Task A_user_whose_DMs_are_closed_is_unreachable_not_retried(int code)
    {
        var (bot, discord) = await StartAsync(d => d.ClosedDms[UserId(7)] = code);
        await using var _ = bot;
        await using var __ = discord;

        var result = await bot.DriveClockAsync(SendAsync(bot, UserId(7)));

        Assert.Equal(DeliveryResult.Unreachable, result);
        Assert.Equal(1, discord.RefusedDms);
    }

    [Fact]
    public async Task Invalid_answers_open_the_circuit_well_before_Discords_ban()
    {
        var (bot, discord) = await StartAsync(
            d =>
            {
                foreach (var i in Enumerable.Range(0, 30))
                {
                    d.ClosedDms[UserId(i)] = 50007;
                }
            },
            new() { ["Discord:InvalidRequestLimit"] = "10" });
        await using var _ = bot;
        await using var __ = discord;

        var results = new List<DeliveryResult>();
        foreach (var i in Enumerable.Range(0, 30))
        {
            results.Add(await bot.DriveClockAsync(SendAsync(bot, UserId(i))));
        }

        Assert.Equal(10, discord.RefusedDms);
        Assert.Equal(10, results.Count(r => r == DeliveryResult.Unreachable));
        Assert.Equal(20, results.Count(r => r == DeliveryResult.Failed));

        // Ten minutes on, the window has emptied and sends go out again.
        bot.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(DeliveryResult.Delivered, await bot.DriveClockAsync(SendAsync(bot, UserId(100))));
    }

    [Fact]
    public async Task A_refused_bot_token_stops_all_outbound_calls()
    {
        var (bot, discord) = await StartAsync(extra: new() { ["Discord:BotToken"] = "not-the-token" });
        await using var _ = bot;
        await using var __ = discord;

        var first = await bot.DriveClockAsync(SendAsync(bot, UserId(1)));
        var requests = discord.RequestCount;
        var second = await bot.DriveClockAsync(SendAsync(bot, UserId(2)));

        Assert.Equal(DeliveryResult.Failed, first);
        Assert.Equal(DeliveryResult.Failed, second);
        Assert.Equal(1, requests);
        Assert.Equal(1, discord.RequestCount);
    }
}
