using System.Net;
using System.Text;

namespace BalanceBot.Tests.Hosting;

/// <summary>Issue 8 overload: a per-user turn limit with a polite "slow down", body size limits, and 503 past the concurrency limit.</summary>
public sealed class OverloadTests
{
    [Fact]
    public async Task Past_twenty_turns_in_ten_seconds_a_user_is_asked_once_to_slow_down_but_an_emergency_always_gets_through()
    {
        await using var bot = await BotServer.StartAsync(new Dictionary<string, string?> { ["Conversations:TurnLimit"] = "20", ["Safety:DefaultCountry"] = "GB" });
        for (var i = 0; i < 20; i++)
        {
            await bot.PostAsync(bot.Message("help", $"t{i}"));
        }

        Assert.NotEmpty(bot.Connector.Drain());
        await bot.PostAsync(bot.Message("help", "t20"));
        var slowDown = Assert.Single(bot.Connector.Drain()).Text!;
        Assert.StartsWith("You're sending messages faster than I can answer them", slowDown, StringComparison.Ordinal);
        Assert.Contains("call 999", slowDown, StringComparison.Ordinal);

        await bot.PostAsync(bot.Message("help", "t21"));
        Assert.Empty(bot.Connector.Drain());

        await bot.PostAsync(bot.Message("I have crushing chest pain and I'm sweating", "t22"));
        Assert.Contains(bot.Connector.Drain(), a => a.Text?.Contains("999", StringComparison.Ordinal) == true);

        // Ten seconds later the user is served again.
        bot.Time.Advance(TimeSpan.FromSeconds(10));
        await bot.PostAsync(bot.Message("help", "t23"));
        Assert.DoesNotContain(bot.Connector.Drain(), a => a.Text?.StartsWith("You're sending messages faster", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Bodies_over_the_limits_get_413_and_create_nothing()
    {
        var adminKey = BalanceBot.Admin.AdminApiKeys.NewKey();
        await using var bot = await BotServer.StartAsync(new Dictionary<string, string?> { ["Admin:ApiKeySha256:0"] = adminKey.Sha256 });
        var huge = "{\"text\":\"" + new string('x', 300 * 1024) + "\"}";

        // The key first: an anonymous caller gets 401 whatever its body (issue 14 §10).
        using var adminRequest = new HttpRequestMessage(HttpMethod.Post, "/api/admin/broadcasts") { Content = new StringContent(huge, Encoding.UTF8, "application/json") };
        adminRequest.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", adminKey.Key);
        using var admin = await bot.Http.SendAsync(adminRequest);
        using var messages = await bot.PostRawAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, admin.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, messages.StatusCode);
        Assert.Equal(0, bot.Database.Database.GetCollection("broadcasts").Count());
    }

    [Fact]
    public async Task Past_the_concurrency_limit_a_turn_gets_503_with_Retry_After_at_once_and_the_running_one_completes()
    {
        await using var bot = await BotServer.StartAsync(new Dictionary<string, string?> { ["Hosting:MaxConcurrentTurns"] = "1", ["Hosting:MaxQueuedTurns"] = "0" });
        await bot.PostAsync(bot.Message("hi", "w"));
        bot.Connector.Drain();
        var attemptsBefore = bot.Connector.Attempts.Count;

        // A slow connector holds the first turn open while it sends its reply.
        bot.Connector.Delay = TimeSpan.FromSeconds(2);
        var first = bot.PostAsync(bot.Message("help", "slow"));
        using (var arrived = new CancellationTokenSource(Deadline.Default))
        {
            while (bot.Connector.Attempts.Count == attemptsBefore)
            {
                await Task.Delay(10, arrived.Token);
            }
        }

        using var second = await bot.PostAsync(bot.Message("help", "rejected"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal("1", second.Headers.RetryAfter?.ToString());
        Assert.False(first.IsCompleted);

        using var completed = await first;
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
    }
}
