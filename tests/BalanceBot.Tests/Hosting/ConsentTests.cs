using BalanceBot.Core.Checkup;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;

namespace BalanceBot.Tests.Hosting;

/// <summary>Issue 8: the welcome says what is stored and why; one message withdraws every opt-in.</summary>
public sealed class ConsentTests
{
    private const string UserKey = "msteams:29:uniqueId";

    [Fact]
    public async Task The_welcome_says_what_is_stored_why_and_how_to_withdraw()
    {
        await using var bot = await BotServer.StartAsync();
        await bot.PostAsync(bot.Message("hi", "w1"));
        var shortWelcome = string.Join(" ", bot.Connector.Drain().Select(a => a.Text));
        await bot.PostAsync(bot.Message("more", "w2"));

        // The welcome stays short (about 60 words, issue 23); "more" gives the details.
        var welcome = string.Join("\n", bot.Connector.Drain().Select(a => a.Text));
        Assert.InRange(shortWelcome.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, 20, 65);

        Assert.Contains("What I store, and why", welcome, StringComparison.Ordinal);
        Assert.Contains("Only if you ask me to: your movement-reminder schedule, check-ups you choose to keep", welcome, StringComparison.Ordinal);
        Assert.Contains("\"withdraw consent\"", welcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_consent_stops_reminders_deletes_kept_history_mutes_broadcasts_and_stops_counting()
    {
        await using var bot = await BotServer.StartAsync();
        await bot.PostAsync(bot.Message("hi", "c0"));
        var users = bot.App.Services.GetRequiredService<IUserStore>();
        var reminders = bot.App.Services.GetRequiredService<IReminderStore>();
        var user = (await users.FindAsync(UserKey, CancellationToken.None))!;
        user.CheckupHistory.Add(new CheckupRecord("neck", TriageLevel.SelfCare, new DateOnly(2026, 2, 20)));
        user.CheckupStarts.Add(new DateOnly(2026, 2, 20));
        user.Preferences[PreferenceNames.Tags] = "berlin";
        await users.SaveAsync(user, CancellationToken.None);
        await reminders.SaveAsync(new ReminderSubscription { UserKey = UserKey, Schedule = ReminderSchedule.Default("Europe/Berlin") }, CancellationToken.None);
        bot.Connector.Drain();

        await bot.PostAsync(bot.Message("withdraw consent", "c1"));
        Assert.Contains("Go ahead?", Assert.Single(bot.Connector.Drain()).Text, StringComparison.Ordinal);
        await bot.PostAsync(bot.Message("yes", "c2"));
        var done = Assert.Single(bot.Connector.Drain()).Text!;

        Assert.StartsWith("Done: your movement reminders stopped", done, StringComparison.Ordinal);
        Assert.Contains("the check-up you kept is deleted", done, StringComparison.Ordinal);
        Assert.Contains("wellness-team messages are muted", done, StringComparison.Ordinal);
        Assert.Null(await reminders.FindAsync(UserKey, CancellationToken.None));
        var after = (await users.FindAsync(UserKey, CancellationToken.None))!;
        Assert.Empty(after.CheckupHistory);
        Assert.Empty(after.CheckupStarts);
        Assert.Equal(PreferenceNames.Muted, after.Preferences[PreferenceNames.Broadcasts]);
        Assert.Equal("berlin", after.Preferences[PreferenceNames.Tags]); // settings stay

        // A check-up started now is not counted.
        await bot.PostAsync(bot.Message("checkup", "c3"));
        Assert.Empty((await users.FindAsync(UserKey, CancellationToken.None))!.CheckupStarts);
    }

    [Fact]
    public async Task Answering_no_changes_nothing()
    {
        await using var bot = await BotServer.StartAsync();
        await bot.PostAsync(bot.Message("hi", "n0"));
        await bot.App.Services.GetRequiredService<IReminderStore>().SaveAsync(new ReminderSubscription { UserKey = UserKey, Schedule = ReminderSchedule.Default("Europe/Berlin") }, CancellationToken.None);
        bot.Connector.Drain();

        await bot.PostAsync(bot.Message("withdraw consent", "n1"));
        await bot.PostAsync(bot.Message("no", "n2"));

        Assert.StartsWith("Nothing changed.", bot.Connector.Drain()[^1].Text, StringComparison.Ordinal);
        Assert.NotNull(await bot.App.Services.GetRequiredService<IReminderStore>().FindAsync(UserKey, CancellationToken.None));
    }
}
