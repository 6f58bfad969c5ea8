using System.Net;
using BalanceBot.Channels.BotFramework;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;
using Microsoft.Extensions.Time.Testing;

namespace BalanceBot.Tests.Channels;

/// <summary>Connector faults (429 with Retry-After, 502, timeouts) end in exactly one delivery, within the pacing limits.</summary>
public sealed class ConnectorFaultTests
{
    [Fact]
    public async Task A_429_with_Retry_After_is_retried_after_the_wait_and_delivered_once()
    {
        await using var bot = await BotServer.StartAsync();
        bot.Connector.Script.Enqueue((HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(3), false));
        var activity = bot.Fixture("teams-personal-message.json");
        activity["deliveryMode"] = null;

        var response = await bot.DriveClockAsync(bot.PostAsync(activity));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delivered = await bot.Connector.TakeAsync(4);
        Assert.StartsWith("Hi User name", delivered[0].Text, StringComparison.Ordinal);
        Assert.Equal(5, bot.Connector.Attempts.Count); // one 429, then the four replies
        Assert.Equal(0, bot.Connector.Count);
    }

    [Fact]
    public async Task Bad_gateways_and_a_timeout_are_retried_until_the_message_gets_through_once()
    {
        await using var bot = await BotServer.StartAsync();
        bot.Connector.Script.Enqueue((HttpStatusCode.BadGateway, null, false));
        bot.Connector.Script.Enqueue((HttpStatusCode.GatewayTimeout, null, false));
        bot.Connector.Script.Enqueue((HttpStatusCode.OK, null, true)); // hangs: the 10 s attempt timeout gives up on it

        var response = await bot.DriveClockAsync(bot.PostAsync(bot.Message("hi", "fault-1")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = await bot.Connector.TakeAsync(4);
        Assert.StartsWith("Hi User name", first[0].Text, StringComparison.Ordinal);
        Assert.Equal(7, bot.Connector.Attempts.Count);
        Assert.Equal(0, bot.Connector.Count);
    }

    [Fact]
    public async Task Sends_into_one_conversation_stay_under_seven_a_second()
    {
        // Pacing on the bot's fake clock (BotServer paces on the wall clock unless told otherwise).
        await using var bot = await BotServer.StartAsync(services: services => services.AddSingleton(s => new ConnectorPacing(s.GetRequiredService<TimeProvider>())));
        await bot.PostAsync(bot.Fixture("teams-personal-message.json"));
        await bot.Connector.TakeAsync(4);
        var sender = bot.App.Services.GetRequiredService<IProactiveSender>();
        var user = await bot.App.Services.GetRequiredService<IUserStore>().FindAsync("msteams:29:uniqueId", CancellationToken.None);
        while (bot.Connector.Attempts.TryDequeue(out _))
        {
        }

        // The greeting's four replies fill part of this second's window: the burst starts in the next one.
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        var sends = Enumerable.Range(0, 20).Select(i => sender.SendAsync(user!.Address!, [Reply.Say($"burst {i}")], CancellationToken.None)).ToList();

        // Seven go out at once; the rest wait for the clock, a second at a time.
        await bot.Connector.TakeAsync(ConnectorPacingLimit);
        Assert.Equal(ConnectorPacingLimit, bot.Connector.Attempts.Count);
        Assert.True(sends.Count(s => !s.IsCompleted) >= 20 - ConnectorPacingLimit, "an eighth message went out before a second had passed");
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        await bot.Connector.TakeAsync(ConnectorPacingLimit);
        Assert.Equal(2 * ConnectorPacingLimit, bot.Connector.Attempts.Count);
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        await bot.Connector.TakeAsync(20 - (2 * ConnectorPacingLimit));

        var results = await Task.WhenAll(sends).WaitAsync(Deadline.Default);
        Assert.All(results, r => Assert.Equal(DeliveryResult.Delivered, r));
        Assert.Equal(20, bot.Connector.Attempts.Count);
    }

    [Fact]
    public async Task One_tenant_stays_under_thirty_a_second_across_conversations_and_does_not_hold_up_another()
    {
        var time = new FakeTimeProvider();
        var pacing = new ConnectorPacing(time);
        var grants = new List<long>();
        var burst = Enumerable.Range(0, 45).Select(async i =>
        {
            await pacing.WaitAsync("busy-tenant", $"conversation-{i}", CancellationToken.None);
            lock (grants)
            {
                grants.Add(time.GetTimestamp());
            }
        }).ToList();

        // The clock has not moved: the tenant's first 30 are through and the rest wait.
        Assert.Equal(ConnectorPacing.PerTenantPerSecond, grants.Count);

        // While the busy tenant waits for its window, a quiet tenant's message goes straight through, with no time passing.
        Assert.True(pacing.WaitAsync("quiet-tenant", "conversation-0", CancellationToken.None).IsCompletedSuccessfully);

        // Just under a second later the window is still full; once it has passed, the rest go through.
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(ConnectorPacing.PerTenantPerSecond, grants.Count);
        time.Advance(TimeSpan.FromMilliseconds(200));
        await Task.WhenAll(burst).WaitAsync(Deadline.Default);

        var ordered = grants.Order().ToList();
        Assert.Equal(45, ordered.Count);
        for (var i = ConnectorPacing.PerTenantPerSecond; i < ordered.Count; i++)
        {
            var window = time.GetElapsedTime(ordered[i - ConnectorPacing.PerTenantPerSecond], ordered[i]);
            Assert.True(window >= TimeSpan.FromSeconds(1), $"31 grants within {window.TotalMilliseconds:F0} ms");
        }
    }

    private const int ConnectorPacingLimit = 7;
}
