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
        // Issue 14 §2 (cross-measure differencing): the kept check-ups are 12 of the 26 opted in, so both they and the
        // other 14 have the minimum; with 20 users (16 opted in) 11 kept check-ups would have left 5 (was: 20 users).
        var users = Enumerable.Range(0, 30).Select(i => User($"u{i}", "berlin", muted: i < 4)).ToList();
        foreach (var user in users.Skip(4).Take(12))
        {
            user.CheckupHistory.Add(new CheckupRecord("neck", TriageLevel.SelfCare, new DateOnly(2026, 3, 31)));
        }

        users[29].CheckupHistory.Add(new CheckupRecord("knee", TriageLevel.GpSoon, new DateOnly(2026, 4, 1)));

        var cells = ParticipationStats.Compute(users, [], Thursday, weeks: 1, minimumGroupSize: 10);

        Assert.Equal(26, Cell(cells, "all", "opted_in_users").People);
        Assert.Equal(12.0, Cell(cells, "all", "kept_checkups:neck:self_care").Value);
        Assert.True(Cell(cells, "all", "kept_checkups:knee:gp_soon").Suppressed);
    }

    [Fact]
    public void Prompts_sent_check_ups_started_and_broadcast_reach_count_events_over_the_people_they_concern()
    {
        // Issue 14 §2: every measure now concerns the same 24 people, since cells about different groups may not differ
        // by fewer than the minimum across measures either (was: 14 people, 12 with reminders, 11 with check-ups).
        var users = Enumerable.Range(0, 24).Select(i => User($"u{i}", i < 12 ? "berlin" : "paris")).ToList();
        var reminders = users.Select(u => Reminders(u.Key, done: 1, skipped: 0)).ToList();
        foreach (var subscription in reminders)
        {
            subscription.CountSent(Thursday);
            subscription.CountSent(Thursday);
            subscription.CountSent(Thursday.PlusWeeks(-1)); // another week: not in W14
        }

        foreach (var user in users)
        {
            user.CheckupStarts.Add(new DateOnly(2026, 3, 30));
        }

        users[0].CheckupStarts.Add(new DateOnly(2026, 4, 2));
        users[13].CheckupStarts.Add(new DateOnly(2026, 3, 29)); // the Sunday before: W13
        var copies = users.Select(u => (u.Key, Thursday)).Append(("u0", Thursday)).Append(("gone", Thursday)).ToList();

        var cells = ParticipationStats.Compute(users, reminders, Thursday, weeks: 1, minimumGroupSize: 10, copies);

        Assert.Equal((24, 48.0), (Cell(cells, "all", "prompts_sent").People, Cell(cells, "all", "prompts_sent").Value));
        Assert.Equal((24, 25.0), (Cell(cells, "all", "checkups_started").People, Cell(cells, "all", "checkups_started").Value));
        Assert.Equal((24, 25.0), (Cell(cells, "all", "broadcast_reach").People, Cell(cells, "all", "broadcast_reach").Value));
        Assert.Equal((12, 13.0), (Cell(cells, "berlin", "broadcast_reach").People, Cell(cells, "berlin", "broadcast_reach").Value));
        Assert.Equal(12, Cell(cells, "paris", "checkups_started").People);
    }

    [Fact]
    public void One_week_against_another_or_one_measure_against_another_cannot_describe_fewer_than_the_minimum()
    {
        // 14 have reminders in W14, 12 of them also in W13: each week has the minimum, but W14 − W13 is 2 people.
        var users = Enumerable.Range(0, 14).Select(i => User($"u{i}", "")).ToList();
        var reminders = users.Select(u => Reminders(u.Key, done: 1, skipped: 0)).ToList();
        foreach (var subscription in reminders.Take(12))
        {
            subscription.Count(Thursday.PlusWeeks(-1), done: true);
        }

        // And 11 of the 14 started a check-up in W14: 14 − 11 would be 3 people.
        foreach (var user in users.Take(11))
        {
            user.CheckupStarts.Add(new DateOnly(2026, 3, 31));
        }

        var cells = ParticipationStats.Compute(users, reminders, Thursday, weeks: 2, minimumGroupSize: 10);

        Assert.Equal(14, Cell(cells, "all", "reminder_users").People);
        Assert.True(cells.Single(c => c.Week == "2026-W13" && c.Tag == "all" && c.Measure == "reminder_users").Suppressed);
        Assert.True(Cell(cells, "all", "checkups_started").Suppressed);
    }

    [Fact]
    public void Kept_check_up_rows_are_the_same_whether_or_not_anyone_kept_one()
    {
        var users = Enumerable.Range(0, 12).Select(i => User($"u{i}", "berlin")).ToList();
        var without = ParticipationStats.Compute(users, [], Thursday, weeks: 1, minimumGroupSize: 10);
        users[3].CheckupHistory.Add(new CheckupRecord("knee", TriageLevel.UrgentSameDay, new DateOnly(2026, 4, 1)));

        var with = ParticipationStats.Compute(users, [], Thursday, weeks: 1, minimumGroupSize: 10);

        Assert.Equal(without.Select(c => (c.Week, c.Tag, c.Measure, c.Suppressed)), with.Select(c => (c.Week, c.Tag, c.Measure, c.Suppressed)));
        Assert.True(Cell(with, "berlin", "kept_checkups:knee:urgent_same_day").Suppressed);
        Assert.Contains(with, c => c.Measure == "kept_checkups:lower_back:emergency" && c.Tag == "all");
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
