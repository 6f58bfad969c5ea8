using System.Net;
using BalanceBot.Core.Reminders;
using BalanceBot.Scheduling;
using NodaTime;
using Quartz;

namespace BalanceBot.Tests.Scheduling;

public sealed class ReminderSweepTests
{
    private const string UserKey = "msteams:29:uniqueId";

    // Tuesday 3 March 2026, 09:00 in Berlin is 08:00 UTC (the test server's clock starts on the Monday).
    private static readonly DateTimeOffset TuesdayNineBerlin = new(2026, 3, 3, 8, 0, 0, TimeSpan.Zero);

    private static async Task<(BotServer Bot, IReminderStore Store, ReminderSweep Sweep)> SubscribedAsync()
    {
        var bot = await BotServer.StartAsync();
        await bot.PostAsync(bot.Fixture("teams-personal-message.json"));
        await bot.Connector.TakeAsync(4);
        var store = bot.App.Services.GetRequiredService<IReminderStore>();
        bot.Time.SetUtcNow(TuesdayNineBerlin.AddMinutes(-30));
        var subscription = new ReminderSubscription { UserKey = UserKey, Schedule = ReminderSchedule.Default("Europe/Berlin") };
        subscription.Reschedule(Instant.FromDateTimeOffset(bot.Time.GetUtcNow()));
        await store.SaveAsync(subscription, CancellationToken.None);
        return (bot, store, bot.App.Services.GetRequiredService<ReminderSweep>());
    }

    [Fact]
    public async Task A_due_prompt_goes_to_the_stored_conversation_with_its_buttons_and_the_next_slot_is_set()
    {
        var (bot, store, sweep) = await SubscribedAsync();
        await using var _ = bot;
        bot.Time.SetUtcNow(TuesdayNineBerlin.AddSeconds(20));

        var summary = await sweep.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, summary.Sent);
        var prompt = Assert.Single(await bot.Connector.TakeAsync(1));
        Assert.Equal("/v3/conversations/a%3AuniqueId/activities", prompt.RawTarget);
        Assert.StartsWith("Time for a short movement break.", prompt.Text, StringComparison.Ordinal);
        Assert.Contains("As soon as your muscles begin to tremble, take a break.", prompt.Text, StringComparison.Ordinal);
        Assert.Equal(["Done", "Snooze 10 min", "Snooze 30 min", "Skip", "Pause for today"], prompt.Buttons);
        Assert.Null(prompt.Body["replyToId"]);
        var after = await store.FindAsync(UserKey, CancellationToken.None);
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 9, 0), after!.NextDueUtc);
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 8, 0), after.LastPromptUtc);
        Assert.Equal(new DayTally(0, 0, Sent: 1), after.Tally[new LocalDate(2026, 3, 3)]); // stored for "prompts sent"
    }

    [Fact]
    public async Task Nothing_is_sent_before_it_is_due_and_consecutive_prompts_show_different_exercises()
    {
        var (bot, _, sweep) = await SubscribedAsync();
        await using var __ = bot;

        Assert.Equal(0, (await sweep.RunOnceAsync(CancellationToken.None)).Sent);
        bot.Time.SetUtcNow(TuesdayNineBerlin);
        await sweep.RunOnceAsync(CancellationToken.None);
        bot.Time.SetUtcNow(TuesdayNineBerlin.AddHours(1));
        await sweep.RunOnceAsync(CancellationToken.None);

        var prompts = await bot.Connector.TakeAsync(2);
        Assert.NotEqual(prompts[0].Text, prompts[1].Text);
    }

    [Fact]
    public async Task After_a_three_hour_outage_missed_prompts_are_skipped_not_sent_in_a_burst()
    {
        var (bot, store, sweep) = await SubscribedAsync();
        await using var _ = bot;
        bot.Time.SetUtcNow(TuesdayNineBerlin.AddHours(3).AddMinutes(5));

        var summary = await sweep.RunOnceAsync(CancellationToken.None);

        Assert.Equal((0, 1), (summary.Sent, summary.Skipped));
        Assert.Equal(0, bot.Connector.Count);
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 12, 0), (await store.FindAsync(UserKey, CancellationToken.None))!.NextDueUtc);
    }

    [Fact]
    public async Task A_crash_after_the_claim_and_before_the_send_never_causes_a_duplicate()
    {
        var (bot, store, sweep) = await SubscribedAsync();
        await using var _ = bot;
        bot.Time.SetUtcNow(TuesdayNineBerlin.AddSeconds(5));

        // The claim commits, then the process dies before sending: simulate by claiming without sending.
        var claimed = store.ClaimDue(Instant.FromDateTimeOffset(bot.Time.GetUtcNow()), 500, subscription =>
        {
            subscription.Reschedule(Instant.FromDateTimeOffset(bot.Time.GetUtcNow()));
            return true;
        });
        var afterRestart = await sweep.RunOnceAsync(CancellationToken.None);

        Assert.Single(claimed);
        Assert.Equal(0, afterRestart.Sent);
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 9, 0), (await store.FindAsync(UserKey, CancellationToken.None))!.NextDueUtc);
        Assert.Equal(0, bot.Connector.Count);
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_is_marked_unreachable_and_no_longer_picked()
    {
        var (bot, store, sweep) = await SubscribedAsync();
        await using var _ = bot;
        bot.Connector.Answer = HttpStatusCode.Forbidden;
        bot.Time.SetUtcNow(TuesdayNineBerlin);

        var first = await sweep.RunOnceAsync(CancellationToken.None);
        await bot.Connector.TakeAsync(1);
        bot.Time.SetUtcNow(TuesdayNineBerlin.AddHours(1));
        var second = await sweep.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, first.Unreachable);
        Assert.Equal(0, second.Sent + second.Skipped);
        var subscription = await store.FindAsync(UserKey, CancellationToken.None);
        Assert.True(subscription!.Unreachable);
        Assert.Null(subscription.NextDueUtc);
    }

    [Fact]
    public async Task After_four_unanswered_prompts_the_rest_of_the_day_comes_half_as_often()
    {
        var (bot, store, sweep) = await SubscribedAsync();
        await using var _ = bot;
        for (var hour = 0; hour < 4; hour++)
        {
            bot.Time.SetUtcNow(TuesdayNineBerlin.AddHours(hour));
            await sweep.RunOnceAsync(CancellationToken.None);
        }

        var subscription = await store.FindAsync(UserKey, CancellationToken.None);

        Assert.Equal(new LocalDate(2026, 3, 3), subscription!.BackedOffOn);
        Assert.Equal(4, subscription.UnansweredInARow);
        var sent = await bot.Connector.TakeAsync(5);
        Assert.StartsWith("The last few reminders went unanswered, so I'll send them half as often", sent[3].Text, StringComparison.Ordinal);
        Assert.StartsWith("Time for a short movement break.", sent[4].Text, StringComparison.Ordinal);

        // 12:00 was the fourth; on the halved grid (09, 11, 13, 15) the next is 13:00 Berlin, 12:00 UTC.
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 12, 0), subscription.NextDueUtc);
    }

    [Fact]
    public async Task A_full_page_of_stale_slots_does_not_hide_the_fresh_ones_behind_it()
    {
        var (bot, store, sweep) = await SubscribedAsync();
        await using var _ = bot;
        for (var i = 0; i < ReminderSweep.PageSize + 20; i++)
        {
            var stale = new ReminderSubscription { UserKey = $"msteams:29:stale-{i}", Schedule = ReminderSchedule.Default("Europe/Berlin"), NextDueUtc = Instant.FromUtc(2026, 3, 3, 6, 0) };
            await store.SaveAsync(stale, CancellationToken.None);
        }

        bot.Time.SetUtcNow(TuesdayNineBerlin.AddSeconds(30));
        var summary = await sweep.RunOnceAsync(CancellationToken.None);

        Assert.Equal(ReminderSweep.PageSize + 20, summary.Skipped);
        Assert.Equal(1, summary.Sent);
        Assert.Single(await bot.Connector.TakeAsync(1));
    }

    [Fact]
    public async Task Prompts_use_exercises_for_the_users_focus_area()
    {
        var (bot, store, sweep) = await SubscribedAsync();
        await using var _ = bot;
        var subscription = (await store.FindAsync(UserKey, CancellationToken.None))!;
        subscription.FocusArea = "knee";
        await store.SaveAsync(subscription, CancellationToken.None);
        var catalog = bot.App.Services.GetRequiredService<BalanceBot.Core.Conversations.DialogCatalog>();
        var kneeNames = catalog.Exercises.ForArea("knee").Select(e => $"**{e.Name}**").ToList();

        for (var hour = 0; hour < 3; hour++)
        {
            bot.Time.SetUtcNow(TuesdayNineBerlin.AddHours(hour));
            await sweep.RunOnceAsync(CancellationToken.None);
        }

        var prompts = await bot.Connector.TakeAsync(3);
        Assert.All(prompts, p => Assert.Contains(kneeNames, name => p.Text!.Contains(name, StringComparison.Ordinal)));
        Assert.Equal(3, prompts.Select(p => p.Text).Distinct().Count());
    }

    [Fact]
    public async Task The_sweep_runs_every_30_seconds_in_Quartz()
    {
        await using var bot = await BotServer.StartAsync();
        var scheduler = await bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(await scheduler.GetTrigger(DueReminderSweepJob.TriggerKey));

        Assert.Equal(TimeSpan.FromSeconds(30), trigger.RepeatInterval);
        Assert.Equal(SimpleTriggerMisfireInstruction.NextWithRemainingCount, trigger.MisfireInstruction);
    }
}
