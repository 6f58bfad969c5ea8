using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Tests.Conversations;
using BalanceBot.Core.Users;
using NodaTime;

namespace BalanceBot.Core.Tests.Reminders;

/// <summary>Setting up reminders in chat and the commands of issue 4, through the real engine and dialogs.</summary>
public sealed class ReminderCommandTests
{
    private static readonly DialogCatalog Catalog = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create());

    // The harness clock: Monday 2 March 2026, 09:00 UTC = 10:00 in Berlin.
    private static async Task<EngineHarness> SubscribedAsync()
    {
        var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.SayEachAsync("no", "reminders", "Berlin", "yes", "weekdays", "9:00", "17:00", "every hour", "anything", "no");
        return bot;
    }

    // As the sweep leaves it: a prompt sent five minutes ago and not answered yet.
    private static async Task<EngineHarness> PromptedAsync()
    {
        var bot = await SubscribedAsync();
        var subscription = await SubscriptionAsync(bot);
        subscription.LastPromptUtc = Instant.FromDateTimeOffset(bot.Time.GetUtcNow()) - Duration.FromMinutes(5);
        subscription.UnansweredInARow = 1;
        await bot.Reminders.SaveAsync(subscription, CancellationToken.None);
        return bot;
    }

    private static async Task PromptAgainAsync(EngineHarness bot)
    {
        var subscription = await SubscriptionAsync(bot);
        subscription.LastPromptUtc = Instant.FromDateTimeOffset(bot.Time.GetUtcNow()) - Duration.FromMinutes(1);
        subscription.UnansweredInARow = 1;
        await bot.Reminders.SaveAsync(subscription, CancellationToken.None);
    }

    [Theory]
    [InlineData("done", true)]
    [InlineData("skip", true)]
    [InlineData("done", false)]
    public async Task Done_or_skip_with_no_reminder_waiting_gets_the_nothing_due_answer_and_counts_nothing(string text, bool subscribed)
    {
        using var bot = subscribed ? await SubscribedAsync() : await new EngineHarness(Catalog).WelcomedAsync();
        if (!subscribed)
        {
            await bot.ClickAsync("no");
        }

        var replies = await bot.SayAsync(text);

        var nothingDue = Catalog.GetDialog("small_talk_nothing_due").Steps[0].Text;
        Assert.Equal([nothingDue], replies.Select(r => r.Text));
        Assert.Null((await bot.StateAsync()).Active);
        if (subscribed)
        {
            Assert.Empty((await SubscriptionAsync(bot)).Tally);
        }
    }

    private static async Task<ReminderSubscription> SubscriptionAsync(EngineHarness bot) =>
        (await bot.Reminders.FindAsync(bot.UserKey, CancellationToken.None))!;

    [Fact]
    public async Task Reminders_are_set_up_in_chat_and_the_next_slot_is_computed_at_once()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.SayEachAsync("no", "reminders", "Berlin", "yes", "weekdays", "9:00", "17:00", "every hour", "wrists");

        var saved = (await bot.SayAsync("12:00-13:00"))[0].Text;

        Assert.StartsWith("All set. Your first movement prompt comes on Mon 2 Mar at 11:00 (Europe/Berlin).", saved, StringComparison.Ordinal);
        var subscription = await SubscriptionAsync(bot);
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 10, 0), subscription.NextDueUtc);
        Assert.Equal("arm_hand", subscription.FocusArea);
        Assert.Equal((new LocalTime(12, 0), new LocalTime(13, 0)), (subscription.Schedule.QuietStart, subscription.Schedule.QuietEnd));
        Assert.Equal("Europe/Berlin", (await bot.Users.FindAsync(bot.UserKey, CancellationToken.None))!.TimeZone);
        Assert.Empty((await bot.StateAsync()).Stack);
    }

    [Fact]
    public async Task A_time_zone_from_the_chat_app_is_offered_and_an_unknown_one_is_asked_again()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.Users.SaveAsync(new UserRecord { Key = bot.UserKey, FirstSeenUtc = default, TimeZone = "America/New_York" }, CancellationToken.None);
        await bot.SayAsync("no");

        var offered = (await bot.SayAsync("reminders"))[^1].Text;
        var asked = (await bot.SayAsync("no"))[0].Text;
        var unknown = await bot.SayAsync("Atlantis");
        var confirmed = (await bot.SayAsync("Tokyo"))[0].Text;
        var next = (await bot.SayAsync("yes"))[0].Text;

        Assert.Equal("Your chat app says your time zone is America/New_York. Shall I use it?", offered);
        Assert.StartsWith("Which time zone are you in?", asked, StringComparison.Ordinal);
        Assert.StartsWith("Sorry, I don't know that time zone.", unknown[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Which time zone are you in?", unknown[1].Text, StringComparison.Ordinal);
        Assert.Equal("I'll use Asia/Tokyo, where it's 18:00 now. Is that right?", confirmed);
        Assert.Equal("On which days would you like them?", next);
    }

    [Theory]
    [InlineData("Munich", "Europe/Berlin")]
    [InlineData("Berlin time", "Europe/Berlin")]
    [InlineData("CET", "Europe/Berlin")]
    [InlineData("Austria", "Europe/Vienna")]
    [InlineData("UK time", "Europe/London")]
    [InlineData("Germany", "Europe/Berlin")]
    [InlineData("Zürich", "Europe/Zurich")]
    [InlineData("Zurich", "Europe/Zurich")]
    [InlineData("São Paulo", "America/Sao_Paulo")]
    [InlineData("new york", "America/New_York")]
    [InlineData("PST", "America/Los_Angeles")]
    public void Places_and_abbreviations_name_a_zone_that_is_confirmed_first(string typed, string zone)
    {
        var match = TimeZoneIds.Find(typed);

        Assert.Equal(new TimeZoneMatch(zone, Exact: false), match);
    }

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("asia/calcutta", "Asia/Kolkata")]
    [InlineData("W. Europe Standard Time", "Europe/Berlin")]
    [InlineData("UTC", "Etc/UTC")]
    public void A_zone_id_is_exact(string typed, string zone) =>
        Assert.Equal(new TimeZoneMatch(zone, Exact: true), TimeZoneIds.Find(typed));

    [Theory]
    [InlineData("United States")]
    [InlineData("Atlantis")]
    [InlineData("")]
    public void A_country_of_several_equal_zones_or_no_place_names_none(string typed) =>
        Assert.Null(TimeZoneIds.Find(typed));

    [Fact]
    public async Task A_guessed_zone_is_said_back_and_kept_only_after_a_yes()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.SayEachAsync("no", "reminders");

        var asked = (await bot.SayAsync("CET"))[0];
        var storedBeforeYes = (await bot.Users.FindAsync(bot.UserKey, CancellationToken.None))?.TimeZone;
        await bot.SayAsync("no");
        await bot.SayAsync("Munich");
        await bot.SayAsync("yes");

        Assert.Contains("Europe/Berlin", asked.Text, StringComparison.Ordinal);
        Assert.Contains("10:00", asked.Text, StringComparison.Ordinal);
        Assert.Null(storedBeforeYes);
        Assert.Equal("Europe/Berlin", (await bot.Users.FindAsync(bot.UserKey, CancellationToken.None))!.TimeZone);
        Assert.Equal("ask_days", (await bot.StateAsync()).Stack[^1].StepId);
    }

    [Fact]
    public async Task Common_zones_are_offered_and_other_working_days_can_be_typed()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.SayAsync("no");

        var zoneQuestion = (await bot.SayAsync("reminders"))[^1];
        await bot.SayEachAsync("Sydney", "yes", "other days");
        var unknownDays = await bot.SayAsync("whenever");
        await bot.SayEachAsync("Mon, Wednesday and fri", "9", "17", "every 2 hours", "anything", "no");

        Assert.Contains(zoneQuestion.Choices, c => c.Label == "Sydney");
        Assert.StartsWith("Sorry, I couldn't find any days in that.", unknownDays[0].Text, StringComparison.Ordinal);
        var subscription = await SubscriptionAsync(bot);
        Assert.Equal(new HashSet<IsoDayOfWeek> { IsoDayOfWeek.Monday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Friday }, subscription.Schedule.Days.ToHashSet());
        Assert.Equal("Australia/Sydney", subscription.Schedule.TimeZoneId);
        Assert.Equal(120, subscription.Schedule.IntervalMinutes);
    }

    [Fact]
    public async Task A_working_day_that_ends_before_it_starts_is_asked_again()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.SayEachAsync("no", "reminders", "London", "yes", "weekdays", "17:00", "9:00", "every hour", "anything");

        var replies = await bot.SayAsync("no");

        Assert.Equal("That doesn't work: the working day must start before it ends (prompts never run overnight).", replies[0].Text);
        Assert.StartsWith("When does your working day start?", replies[1].Text, StringComparison.Ordinal);
        Assert.Null(await bot.Reminders.FindAsync(bot.UserKey, CancellationToken.None));
    }

    [Fact]
    public async Task Snooze_moves_the_next_prompt_and_says_when()
    {
        using var bot = await PromptedAsync();

        var reply = (await bot.SayAsync("snooze 20"))[0].Text;

        Assert.Equal("Snoozed. I'll remind you on Mon 2 Mar at 10:20 (Europe/Berlin).", reply);
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 9, 20), (await SubscriptionAsync(bot)).NextDueUtc);
    }

    [Fact]
    public async Task Snooze_with_no_prompt_waiting_changes_nothing_and_names_the_next_reminder()
    {
        using var bot = await SubscribedAsync();
        var before = (await SubscriptionAsync(bot)).NextDueUtc;

        var reply = (await bot.SayAsync("snooze 20"))[0].Text;

        Assert.Equal(before, (await SubscriptionAsync(bot)).NextDueUtc);
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 10, 0), before);
        Assert.DoesNotContain("Snoozed", reply, StringComparison.Ordinal);
        Assert.Contains("11:00", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pause_comes_back_by_itself_and_resume_ends_it_sooner()
    {
        using var bot = await SubscribedAsync();

        var paused = (await bot.SayAsync("pause until Wednesday"))[0].Text;
        var pausedNext = (await SubscriptionAsync(bot)).NextDueUtc;
        var resumed = (await bot.SayAsync("resume"))[0].Text;

        Assert.StartsWith("Paused until Wed 4 Mar at 00:00. Reminders come back by themselves", paused, StringComparison.Ordinal);
        Assert.Equal(Instant.FromUtc(2026, 3, 4, 8, 0), pausedNext);
        Assert.Equal("Reminders are back on. Next one on Mon 2 Mar at 11:00 (Europe/Berlin).", resumed);
    }

    [Fact]
    public async Task Pause_for_two_hours_and_for_today()
    {
        using var bot = await SubscribedAsync();

        await bot.SayAsync("pause 2 hours");
        var twoHours = (await SubscriptionAsync(bot)).NextDueUtc;
        await bot.SayAsync("pause for today");
        var today = (await SubscriptionAsync(bot)).NextDueUtc;

        Assert.Equal(Instant.FromUtc(2026, 3, 2, 11, 0), twoHours);
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 8, 0), today);
    }

    [Fact]
    public async Task Done_and_skip_count_towards_the_weekly_stats()
    {
        // Each answers a prompt that is waiting (issue 16: with none waiting they are small talk, counted nowhere).
        using var bot = await PromptedAsync();

        var done = (await bot.SayAsync("Done"))[0].Text;
        await PromptAgainAsync(bot);
        await bot.SayAsync("Skip");
        await PromptAgainAsync(bot);
        await bot.SayAsync("done");
        var stats = (await bot.SayAsync("my stats"))[0].Text;

        Assert.Equal("Nice work! Every break counts.", done);
        Assert.Equal("This week: 2 done, 1 skipped. Streak: 1 working day in a row with at least one done (best: 1 working day).", stats);
        Assert.Equal(0, (await SubscriptionAsync(bot)).UnansweredInARow);
    }

    [Fact]
    public async Task An_unreadable_quiet_time_is_asked_again()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.SayEachAsync("no", "reminders", "London", "yes", "weekdays", "9:00", "17:00", "every hour", "anything");

        var replies = await bot.SayAsync("around lunch");

        Assert.Equal("I couldn't read that as a time range. Try something like 12:00-13:00, or \"no\".", replies[0].Text);
        Assert.StartsWith("Is there a time without prompts", replies[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_off_has_no_prompts()
    {
        using var bot = await SubscribedAsync();

        var reply = (await bot.SayAsync("day off tomorrow"))[0].Text;

        Assert.StartsWith("Enjoy your day off: no prompts on Tuesday 3 March.", reply, StringComparison.Ordinal);
        await bot.SayAsync("pause for today");
        Assert.Equal(Instant.FromUtc(2026, 3, 4, 8, 0), (await SubscriptionAsync(bot)).NextDueUtc);
    }

    [Fact]
    public async Task A_prompt_button_clicked_as_a_card_works_like_the_typed_command()
    {
        using var bot = await PromptedAsync();

        var reply = (await bot.ClickAsync(ReminderPrompt.Snooze30))[0].Text;

        Assert.Equal("Snoozed. I'll remind you on Mon 2 Mar at 10:30 (Europe/Berlin).", reply);
    }

    [Fact]
    public async Task Next_reminder_says_when()
    {
        using var bot = await SubscribedAsync();

        Assert.Equal("Your next movement prompt comes on Mon 2 Mar at 11:00 (Europe/Berlin).", (await bot.SayAsync("next reminder"))[0].Text);
    }

    [Fact]
    public async Task Stop_reminders_asks_first_and_then_deletes_them()
    {
        using var bot = await SubscribedAsync();

        var question = (await bot.SayAsync("stop reminders"))[0].Text;
        Assert.NotNull(await bot.Reminders.FindAsync(bot.UserKey, CancellationToken.None));
        await bot.SayAsync("yes");

        Assert.Equal("Stop all your movement reminders? Your settings for them will be deleted.", question);
        Assert.Null(await bot.Reminders.FindAsync(bot.UserKey, CancellationToken.None));
        Assert.Equal(ReminderCommandHandler.NotSubscribed, (await bot.SayAsync("snooze"))[0].Text);
    }

    [Fact]
    public async Task Done_inside_a_dialog_answers_the_dialog_not_the_reminder()
    {
        using var bot = await SubscribedAsync();
        await bot.SayEachAsync("quick stretch", "neck");

        var replies = await bot.SayAsync("done");

        Assert.Equal("Nice work. Would you like another one?", replies.Single().Text);
        Assert.Empty((await SubscriptionAsync(bot)).Tally);
    }

    [Fact]
    public async Task A_new_time_zone_from_the_chat_app_moves_reminders_only_after_a_yes()
    {
        using var bot = await SubscribedAsync();
        Task<IReadOnlyList<Reply>> FromNewYorkAsync(string text) =>
            bot.Engine.HandleAsync(bot.Message(text, null) with { TimeZone = "America/New_York" }, CancellationToken.None);

        var replies = await FromNewYorkAsync("next reminder");
        Assert.Equal("Europe/Berlin", (await SubscriptionAsync(bot)).Schedule.TimeZoneId);
        await FromNewYorkAsync("yes");

        Assert.Equal("Your next movement prompt comes on Mon 2 Mar at 11:00 (Europe/Berlin).", replies[0].Text);
        Assert.Equal("Your chat app now says your time zone is America/New_York. Shall I move your movement reminders to it?", replies[1].Text);
        var moved = await SubscriptionAsync(bot);
        Assert.Equal("America/New_York", moved.Schedule.TimeZoneId);
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 14, 0), moved.NextDueUtc); // 09:00 in New York
        Assert.Equal("America/New_York", (await bot.Users.FindAsync(bot.UserKey, CancellationToken.None))!.TimeZone);
    }

    [Fact]
    public async Task An_emergency_reply_is_never_followed_by_the_time_zone_question()
    {
        using var bot = await SubscribedAsync();

        var replies = await bot.Engine.HandleAsync(bot.Message("I have chest pain", null) with { TimeZone = "America/New_York" }, CancellationToken.None);

        Assert.Single(replies);
        Assert.Contains("call 999 (or 112) now", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declined_time_zone_is_not_asked_about_again()
    {
        using var bot = await SubscribedAsync();
        Task<IReadOnlyList<Reply>> FromTokyoAsync(string text) =>
            bot.Engine.HandleAsync(bot.Message(text, null) with { TimeZone = "Asia/Tokyo" }, CancellationToken.None);

        await FromTokyoAsync("next reminder");
        await FromTokyoAsync("no");
        var later = await FromTokyoAsync("next reminder");

        Assert.Single(later);
        Assert.Equal("Europe/Berlin", (await SubscriptionAsync(bot)).Schedule.TimeZoneId);
    }

    [Theory]
    [InlineData("snooze", ReminderCommandKind.Snooze, 10)]
    [InlineData("Snooze 10 min", ReminderCommandKind.Snooze, 10)]
    [InlineData("snooze 30 minutes", ReminderCommandKind.Snooze, 30)]
    [InlineData("pause 90 min", ReminderCommandKind.Pause, 90)]
    [InlineData("pause for 3 days", ReminderCommandKind.Pause, 4320)]
    [InlineData("Pause for today", ReminderCommandKind.Pause, null)]
    [InlineData("resume", ReminderCommandKind.Resume, null)]
    [InlineData("my stats", ReminderCommandKind.Stats, null)]
    public void Commands_are_read_in_their_typed_and_clicked_forms(string text, ReminderCommandKind kind, int? minutes)
    {
        var command = ReminderCommand.Parse(InputText.Normalize(text), dialogActive: true);

        Assert.Equal(kind, command!.Kind);
        Assert.Equal(minutes, command.Minutes);
    }

    [Theory]
    [InlineData("snooze 999")]
    [InlineData("pause forever")]
    [InlineData("done")]
    public void Out_of_range_or_ambiguous_commands_are_not_taken_inside_a_dialog(string text) =>
        Assert.Null(ReminderCommand.Parse(InputText.Normalize(text), dialogActive: true));
}
