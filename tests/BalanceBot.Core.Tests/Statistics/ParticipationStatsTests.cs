using BalanceBot.Core.Checkup;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Statistics;
using BalanceBot.Core.Users;
using NodaTime;

namespace BalanceBot.Core.Tests.Statistics;

public sealed class ParticipationStatsTests
{
    private static readonly LocalDate Thursday = new(2026, 4, 2); // ISO week 2026-W14

    private static UserRecord User(string key, string tags, bool muted = false)
    {
        var user = new UserRecord { Key = key, FirstSeenUtc = DateTimeOffset.UnixEpoch, Address = new ConversationAddress("botframework", "{}") };
        user.Preferences[PreferenceNames.Tags] = tags;
        if (muted)
        {
            user.Preferences[PreferenceNames.Broadcasts] = PreferenceNames.Muted;
        }

        return user;
    }

    private static ReminderSubscription Reminders(string key, int done, int skipped)
    {
        var subscription = new ReminderSubscription { UserKey = key, Schedule = ReminderSchedule.Default("Europe/Berlin") };
        for (var i = 0; i < done; i++)
        {
            subscription.Count(Thursday, done: true);
        }

        for (var i = 0; i < skipped; i++)
        {
            subscription.Count(Thursday, done: false);
        }

        return subscription;
    }

    private static StatsCell Cell(IReadOnlyList<StatsCell> cells, string tag, string measure) =>
        cells.Single(c => c.Week == "2026-W14" && c.Tag == tag && c.Measure == measure);

    [Fact]
    public void Groups_of_at_least_the_minimum_are_published_with_their_numbers()
    {
        var users = Enumerable.Range(0, 25).Select(i => User($"b{i}", "berlin")).Concat(Enumerable.Range(0, 12).Select(i => User($"p{i}", "paris"))).ToList();
        var reminders = users.Select(u => Reminders(u.Key, done: 3, skipped: 1)).ToList();

        var cells = ParticipationStats.Compute(users, reminders, Thursday, weeks: 1, minimumGroupSize: 10);

        Assert.Equal((37, 37.0), (Cell(cells, "all", "opted_in_users").People, Cell(cells, "all", "opted_in_users").Value));
        Assert.Equal(25, Cell(cells, "berlin", "reminder_users").People);
        Assert.Equal(100.0, Cell(cells, "berlin", "prompts_answered").Value);
        Assert.Equal(0.75, Cell(cells, "paris", "done_rate").Value);
    }

    [Fact]
    public void A_group_below_the_minimum_is_suppressed_and_so_is_one_whose_difference_from_a_larger_group_is()
    {
        // 12 in Berlin and 3 in Paris: Paris is too small, and "all" minus "berlin" would describe the same 3 people.
        var users = Enumerable.Range(0, 12).Select(i => User($"b{i}", "berlin")).Concat(Enumerable.Range(0, 3).Select(i => User($"p{i}", "paris"))).ToList();
        var reminders = users.Select(u => Reminders(u.Key, done: u.Key.StartsWith('p') ? 0 : 4, skipped: u.Key.StartsWith('p') ? 4 : 0)).ToList();

        var cells = ParticipationStats.Compute(users, reminders, Thursday, weeks: 1, minimumGroupSize: 10);

        foreach (var measure in new[] { "opted_in_users", "reminder_users", "done_rate" })
        {
            Assert.True(Cell(cells, "paris", measure).Suppressed);
            Assert.True(Cell(cells, "berlin", measure).Suppressed);
            Assert.Null(Cell(cells, "berlin", measure).Value);
            Assert.Equal(15, Cell(cells, "all", measure).People);
        }
    }

    [Fact]
    public void Muted_users_are_not_counted_as_opted_in_and_kept_checkups_need_the_minimum_too()
    {
        var users = Enumerable.Range(0, 20).Select(i => User($"u{i}", "berlin", muted: i < 4)).ToList();
        foreach (var user in users.Take(11))
        {
            user.CheckupHistory.Add(new CheckupRecord("neck", TriageLevel.SelfCare, new DateOnly(2026, 3, 31)));
        }

        users[19].CheckupHistory.Add(new CheckupRecord("knee", TriageLevel.GpSoon, new DateOnly(2026, 4, 1)));

        var cells = ParticipationStats.Compute(users, [], Thursday, weeks: 1, minimumGroupSize: 10);

        Assert.Equal(16, Cell(cells, "all", "opted_in_users").People);
        Assert.Equal(11.0, Cell(cells, "all", "kept_checkups:neck:self_care").Value);
        Assert.True(Cell(cells, "all", "kept_checkups:knee:gp_soon").Suppressed);
    }

    [Fact]
    public void Prompts_sent_check_ups_started_and_broadcast_reach_count_events_over_the_people_they_concern()
    {
        var users = Enumerable.Range(0, 14).Select(i => User($"u{i}", i < 12 ? "berlin" : "paris")).ToList();
        var reminders = users.Take(12).Select(u => Reminders(u.Key, done: 1, skipped: 0)).ToList();
        foreach (var subscription in reminders)
        {
            subscription.CountSent(Thursday);
            subscription.CountSent(Thursday);
            subscription.CountSent(Thursday.PlusWeeks(-1)); // another week: not in W14
        }

        foreach (var user in users.Take(11))
        {
            user.CheckupStarts.Add(new DateOnly(2026, 3, 30));
        }

        users[0].CheckupStarts.Add(new DateOnly(2026, 4, 2));
        users[13].CheckupStarts.Add(new DateOnly(2026, 3, 29)); // the Sunday before: W13
        var copies = users.Select(u => (u.Key, Thursday)).Append(("u0", Thursday)).Append(("gone", Thursday)).ToList();

        var cells = ParticipationStats.Compute(users, reminders, Thursday, weeks: 1, minimumGroupSize: 10, copies);

        Assert.Equal((12, 24.0), (Cell(cells, "all", "prompts_sent").People, Cell(cells, "all", "prompts_sent").Value));
        Assert.Equal((11, 12.0), (Cell(cells, "all", "checkups_started").People, Cell(cells, "all", "checkups_started").Value));
        Assert.Equal((14, 15.0), (Cell(cells, "all", "broadcast_reach").People, Cell(cells, "all", "broadcast_reach").Value));

        // Berlin's reach (12 people) differs from everyone's (14) by 2 people: hidden, as are Paris's numbers.
        Assert.True(Cell(cells, "berlin", "broadcast_reach").Suppressed);
        Assert.True(Cell(cells, "paris", "broadcast_reach").Suppressed);
        Assert.Equal(11, Cell(cells, "berlin", "checkups_started").People);
    }

    [Fact]
    public void All_minus_two_disjoint_tags_cannot_describe_fewer_than_the_minimum()
    {
        // 12 in berlin, 13 in paris, 5 in neither: each tag differs from "all" by at least 10, but all − berlin − paris is 5.
        var users = Enumerable.Range(0, 12).Select(i => User($"b{i}", "berlin"))
            .Concat(Enumerable.Range(0, 13).Select(i => User($"p{i}", "paris")))
            .Concat(Enumerable.Range(0, 5).Select(i => User($"n{i}", ""))).ToList();

        var cells = ParticipationStats.Compute(users, [], Thursday, weeks: 1, minimumGroupSize: 10);

        var all = Cell(cells, "all", "opted_in_users");
        var berlin = Cell(cells, "berlin", "opted_in_users");
        var paris = Cell(cells, "paris", "opted_in_users");
        Assert.False(all.Suppressed);
        Assert.True(berlin.Suppressed || paris.Suppressed);
        var published = new[] { berlin, paris }.Where(c => !c.Suppressed).Sum(c => c.People ?? 0);
        Assert.True(all.People - published is 0 or >= 10, $"all − published tags = {all.People - published}");
    }

    [Fact]
    public void The_minimum_group_size_cannot_go_below_five() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ParticipationStats.Compute([], [], Thursday, 1, minimumGroupSize: 4));
}
