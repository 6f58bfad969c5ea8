using System.Diagnostics;
using System.Net;
using BalanceBot.Channels.BotFramework;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;

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
        await using var bot = await BotServer.StartAsync();
        await bot.PostAsync(bot.Fixture("teams-personal-message.json"));
        await bot.Connector.TakeAsync(4);
        var sender = bot.App.Services.GetRequiredService<IProactiveSender>();
        var user = await bot.App.Services.GetRequiredService<IUserStore>().FindAsync("msteams:29:uniqueId", CancellationToken.None);
        while (bot.Connector.Attempts.TryDequeue(out _))
        {
        }

        var sends = Enumerable.Range(0, 20).Select(i => sender.SendAsync(user!.Address!, [Reply.Say($"burst {i}")], CancellationToken.None)).ToList();
        var results = await Task.WhenAll(sends).WaitAsync(Deadline.Default);

        Assert.All(results, r => Assert.Equal(DeliveryResult.Delivered, r));
        var arrivals = bot.Connector.Attempts.Select(a => a.Timestamp).Order().ToList();
        Assert.Equal(20, arrivals.Count);
        for (var i = ConnectorPacingLimit; i < arrivals.Count; i++)
        {
            var window = Stopwatch.GetElapsedTime(arrivals[i - ConnectorPacingLimit], arrivals[i]);
            Assert.True(window >= TimeSpan.FromMilliseconds(900), $"8 messages within {window.TotalMilliseconds:F0} ms");
        }
    }

    [Fact]
    public async Task One_tenant_stays_under_thirty_a_second_across_conversations_and_does_not_hold_up_another()
    {
        var pacing = new ConnectorPacing();
        var grants = new List<long>();
        var burst = Enumerable.Range(0, 45).Select(async i =>
        {
            await pacing.WaitAsync("busy-tenant", $"conversation-{i}", CancellationToken.None);
            lock (grants)
            {
                grants.Add(Stopwatch.GetTimestamp());
            }
        }).ToList();

        // While the busy tenant waits for its window, a quiet tenant's message goes straight through.
        var quietStarted = Stopwatch.GetTimestamp();
        await pacing.WaitAsync("quiet-tenant", "conversation-0", CancellationToken.None).WaitAsync(Deadline.Default);
        Assert.True(Stopwatch.GetElapsedTime(quietStarted) < TimeSpan.FromMilliseconds(500));

        await Task.WhenAll(burst).WaitAsync(Deadline.Default);
        var ordered = grants.Order().ToList();
        Assert.Equal(45, ordered.Count);
        for (var i = ConnectorPacing.PerTenantPerSecond; i < ordered.Count; i++)
        {
            var window = Stopwatch.GetElapsedTime(ordered[i - ConnectorPacing.PerTenantPerSecond], ordered[i]);
            Assert.True(window >= TimeSpan.FromMilliseconds(900), $"31 grants within {window.TotalMilliseconds:F0} ms");
        }
    }

    private const int ConnectorPacingLimit = 7;
}
