using BalanceBot.Core.Broadcasts;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Users;
using BalanceBot.Scheduling;
using BalanceBot.Storage;
using NodaTime;
using Quartz;

namespace BalanceBot.Tests.Storage;

/// <summary>Issue 8: history past its retention period and finished broadcast copies are deleted by a nightly job.</summary>
public sealed class RetentionTests
{
    /// <summary>
    /// Noon, not the job's 03:30: Quartz keeps time with the injected (fake) clock, and at 03:30 the nightly job would
    /// run by itself alongside the test's own run.
    /// </summary>
    private static readonly DateTimeOffset Now = new(2027, 4, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Old_history_and_finished_copies_go_while_recent_ones_and_unsent_copies_stay()
    {
        await using var bot = await BotServer.StartAsync(settings: new Dictionary<string, string?> { ["Retention:FinishedOutboxDays"] = "30" }, now: Now);

        // The broadcast job would otherwise pick up the old queued copy (its user does not exist) and finish it while
        // the test runs, so retention would rightly delete three copies: the flaky failure seen in full runs. Pausing
        // was not enough (a run already under way when the test paused still finished the copy), so the scheduler is
        // shut down, waiting for any running job, before the data is written.
        await (await bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).Shutdown(waitForJobsToComplete: true);
        var users = bot.App.Services.GetRequiredService<IUserStore>();
        var user = new UserRecord { Key = "msteams:29:kept", FirstSeenUtc = Now.AddYears(-2) };
        user.CheckupHistory.Add(new CheckupRecord("neck", TriageLevel.SelfCare, new DateOnly(2026, 3, 31))); // 366 days old
        user.CheckupHistory.Add(new CheckupRecord("knee", TriageLevel.GpSoon, new DateOnly(2026, 4, 2)));
        user.CheckupStarts.AddRange([new DateOnly(2026, 1, 5), new DateOnly(2027, 3, 30)]);
        await users.SaveAsync(user, CancellationToken.None);
        var recent = new UserRecord { Key = "msteams:29:recent", FirstSeenUtc = Now };
        recent.CheckupHistory.Add(new CheckupRecord("hip", TriageLevel.SelfCare, new DateOnly(2027, 3, 1)));
        await users.SaveAsync(recent, CancellationToken.None);

        var store = bot.App.Services.GetRequiredService<IBroadcastStore>();
        var broadcast = new Broadcast
        {
            Id = "b-old", Text = "Stretch", Audience = BroadcastAudience.Everyone, Timing = BroadcastTiming.Now, CreatedBy = "api-key:1234", CreatedUtc = Instant.FromUtc(2027, 1, 1, 9, 0),
        };
        OutboxEntry Copy(string user, DeliveryState state, Instant due) => new() { BroadcastId = broadcast.Id, UserKey = user, State = state, DueUtc = due };
        store.Create(broadcast,
        [
            Copy("msteams:29:a", DeliveryState.Sent, Instant.FromUtc(2027, 2, 28, 9, 0)), // 31 days: goes
            Copy("msteams:29:b", DeliveryState.Muted, Instant.FromUtc(2027, 1, 1, 9, 0)), // goes
            Copy("msteams:29:c", DeliveryState.Failed, Instant.FromUtc(2027, 3, 20, 9, 0)), // 12 days: stays
            Copy("msteams:29:d", DeliveryState.Queued, Instant.FromUtc(2027, 1, 1, 9, 0)), // old but not finished: stays
            Copy("msteams:29:e", DeliveryState.Sending, Instant.FromUtc(2027, 1, 1, 9, 0)), // in flight: stays
        ]);

        var result = bot.App.Services.GetRequiredService<DataRetention>().Run();

        Assert.Equal(new RetentionResult(UsersWithHistoryTrimmed: 1, OutboxCopiesDeleted: 2), result);
        var kept = (await users.FindAsync(user.Key, CancellationToken.None))!;
        Assert.Equal(["knee"], kept.CheckupHistory.Select(c => c.Area));
        Assert.Equal([new DateOnly(2027, 3, 30)], kept.CheckupStarts);
        Assert.Single((await users.FindAsync(recent.Key, CancellationToken.None))!.CheckupHistory);
        var left = bot.Database.Database.GetCollection("outbox").FindAll().Select(d => d["user"].AsString).Order(StringComparer.Ordinal);
        Assert.Equal(["msteams:29:c", "msteams:29:d", "msteams:29:e"], left);
        Assert.NotNull(store.Find("b-old"));

        // Nothing left to do: a second night changes nothing.
        Assert.Equal(new RetentionResult(0, 0), bot.App.Services.GetRequiredService<DataRetention>().Run());
    }

    [Fact]
    public async Task The_retention_job_is_scheduled_every_night_at_half_past_three_UTC()
    {
        await using var bot = await BotServer.StartAsync();
        var scheduler = await bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(RetentionJob.TriggerKey));

        Assert.Equal("0 30 3 * * ?", trigger.CronExpressionString);
        Assert.Equal(TimeZoneInfo.Utc, trigger.TimeZone);
        Assert.Equal(RetentionJob.Key, trigger.JobKey);
    }

    [Theory]
    [InlineData("Retention:HistoryDays", "7")]
    [InlineData("Retention:FinishedOutboxDays", "0")]
    public async Task A_retention_period_out_of_range_stops_start_up_naming_the_setting(string setting, string value)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotServer.StartAsync(settings: new Dictionary<string, string?> { [setting] = value }));
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }
}
