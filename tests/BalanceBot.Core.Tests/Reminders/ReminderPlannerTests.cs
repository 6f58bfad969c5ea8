using BalanceBot.Core.Reminders;
using NodaTime;
using NodaTime.Text;

namespace BalanceBot.Core.Tests.Reminders;

public sealed class ReminderPlannerTests
{
    private static Instant Local(string zone, string localDateTime) =>
        TimeZoneIds.Zone(zone).AtStrictly(LocalDateTimePattern.GeneralIso.Parse(localDateTime).Value).ToInstant();

    private static string InZone(string zone, Instant? instant) =>
        LocalDateTimePattern.GeneralIso.Format(instant!.Value.InZone(TimeZoneIds.Zone(zone)).LocalDateTime);

    private static ReminderSchedule Every(int minutes, string zone, IsoDayOfWeek[]? days = null) => ReminderSchedule.Default(zone) with
    {
        IntervalMinutes = minutes,
        MaxPerDay = 16,
        Days = days?.ToHashSet() ?? ReminderSchedule.Default(zone).Days,
    };

    [Theory]
    [InlineData("2026-03-02T08:00:00", "2026-03-02T09:00:00")] // before work: the first slot
    [InlineData("2026-03-02T09:00:00", "2026-03-02T10:00:00")] // exactly on a slot: the next one
    [InlineData("2026-03-02T09:10:00", "2026-03-02T10:00:00")]
    [InlineData("2026-03-02T16:00:00", "2026-03-03T09:00:00")] // 16:00 was the last slot before 17:00
    [InlineData("2026-03-06T16:30:00", "2026-03-09T09:00:00")] // Friday evening: Monday morning
    [InlineData("2026-03-07T11:00:00", "2026-03-09T09:00:00")] // Saturday
    public void The_next_slot_follows_the_local_working_day(string after, string expected) =>
        Assert.Equal(expected, InZone("Europe/Berlin", ReminderPlanner.NextDue(ReminderSchedule.Default("Europe/Berlin"), Local("Europe/Berlin", after))));

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-27T17:00:00", "2026-03-30")] // spring forward on Sunday 29 March
    [InlineData("Europe/Berlin", "2026-10-23T17:00:00", "2026-10-26")] // fall back on Sunday 25 October
    [InlineData("America/New_York", "2026-03-06T17:00:00", "2026-03-09")] // spring forward on Sunday 8 March
    [InlineData("America/New_York", "2026-10-30T17:00:00", "2026-11-02")] // fall back on Sunday 1 November
    public void Every_45_minutes_from_nine_stays_on_the_local_grid_after_a_DST_change(string zone, string fridayEvening, string monday)
    {
        var schedule = Every(45, zone);
        var slots = new List<string>();
        var after = Local(zone, fridayEvening);
        for (var i = 0; i < 4; i++)
        {
            var next = ReminderPlanner.NextDue(schedule, after)!.Value;
            slots.Add(InZone(zone, next));
            after = next;
        }

        Assert.Equal([$"{monday}T09:00:00", $"{monday}T09:45:00", $"{monday}T10:30:00", $"{monday}T11:15:00"], slots);
    }

    [Fact]
    public void A_slot_in_the_spring_forward_gap_moves_forward_and_nothing_is_sent_twice()
    {
        // An early shift on the Sunday New York springs forward: 02:00 and 02:30 do not exist that day.
        var schedule = Every(30, "America/New_York", [IsoDayOfWeek.Sunday]) with { Start = new LocalTime(1, 30), End = new LocalTime(4, 0) };
        var sent = new List<Instant>();
        var after = Local("America/New_York", "2026-03-08T00:00:00");
        for (var next = ReminderPlanner.NextDue(schedule, after); next is { } due && due < Local("America/New_York", "2026-03-08T05:00:00"); next = ReminderPlanner.NextDue(schedule, due))
        {
            sent.Add(due);
        }

        Assert.Equal(sent.Distinct().Count(), sent.Count);
        Assert.Equal(sent.Order(), sent);
        Assert.Equal(["2026-03-08T01:30:00", "2026-03-08T03:00:00", "2026-03-08T03:30:00"], sent.Select(s => InZone("America/New_York", s)));
    }

    [Fact]
    public void Slots_in_a_zone_with_a_45_minute_offset_are_on_its_local_grid() =>
        Assert.Equal(
            Instant.FromUtc(2026, 3, 2, 3, 15),
            ReminderPlanner.NextDue(ReminderSchedule.Default("Asia/Kathmandu"), Instant.FromUtc(2026, 3, 2, 0, 0)));

    [Fact]
    public void Days_off_quiet_hours_and_the_daily_cap_are_respected()
    {
        var schedule = ReminderSchedule.Default("Europe/London") with
        {
            IntervalMinutes = 30,
            MaxPerDay = 6,
            QuietStart = new LocalTime(10, 0),
            QuietEnd = new LocalTime(11, 0),
            DaysOff = new HashSet<LocalDate> { new(2026, 3, 3) },
        };
        var zone = TimeZoneIds.Zone("Europe/London");

        var monday = ReminderPlanner.SlotsOn(schedule, zone, new LocalDate(2026, 3, 2)).Select(s => InZone("Europe/London", s)[11..16]);
        var tuesday = ReminderPlanner.SlotsOn(schedule, zone, new LocalDate(2026, 3, 3));

        Assert.Equal(["09:00", "09:30", "11:00", "11:30", "12:00", "12:30"], monday);
        Assert.Empty(tuesday);
        Assert.Equal("2026-03-04T09:00:00", InZone("Europe/London", ReminderPlanner.NextDue(schedule, Local("Europe/London", "2026-03-02T13:00:00"))));
    }

    [Fact]
    public void A_pause_resumes_by_itself_at_the_first_slot_after_it_ends()
    {
        var schedule = ReminderSchedule.Default("Europe/Berlin");

        var next = ReminderPlanner.NextDue(schedule, Local("Europe/Berlin", "2026-03-02T09:30:00"), pausedUntil: Local("Europe/Berlin", "2026-03-04T12:00:00"));

        Assert.Equal("2026-03-04T12:00:00", InZone("Europe/Berlin", next));
    }

    [Theory]
    [InlineData("2026-03-02T10:05:00", 10, "2026-03-02T10:15:00")] // inside working time: exactly as asked
    [InlineData("2026-03-02T16:50:00", 30, "2026-03-03T09:00:00")] // past the end of the day: next morning
    [InlineData("2026-03-06T16:55:00", 20, "2026-03-09T09:00:00")] // past Friday's end: Monday
    public void A_snooze_never_lands_outside_working_time(string now, int minutes, string expected) =>
        Assert.Equal(expected, InZone("Europe/Berlin", ReminderPlanner.Snooze(ReminderSchedule.Default("Europe/Berlin"), Local("Europe/Berlin", now), minutes)));

    [Fact]
    public void On_a_backed_off_day_prompts_come_half_as_often()
    {
        var schedule = ReminderSchedule.Default("Europe/Berlin");
        var zone = TimeZoneIds.Zone("Europe/Berlin");

        var slots = ReminderPlanner.SlotsOn(schedule, zone, new LocalDate(2026, 3, 2), backedOff: true).Select(s => InZone("Europe/Berlin", s)[11..16]);

        Assert.Equal(["09:00", "11:00", "13:00", "15:00"], slots);
    }

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("Asia/Calcutta", "Asia/Kolkata")]
    [InlineData("us/pacific", "America/Los_Angeles")]
    [InlineData("europe/london", "Europe/London")]
    [InlineData("W. Europe Standard Time", "Europe/Berlin")]
    [InlineData("Eastern Standard Time", "America/New_York")]
    [InlineData("Mars/Olympus_Mons", null)]
    [InlineData("", null)]
    public void Time_zone_ids_are_canonicalised_from_IANA_aliases_any_case_and_Windows_ids(string input, string? expected) =>
        Assert.Equal(expected, TimeZoneIds.Canonicalize(input));

    [Fact]
    public void An_impossible_schedule_says_what_is_wrong()
    {
        var schedule = ReminderSchedule.Default("Europe/Berlin") with { Start = new LocalTime(18, 0), IntervalMinutes = 5, Days = new HashSet<IsoDayOfWeek>() };

        Assert.Equal(3, schedule.Problems().Count());
        Assert.Empty(ReminderSchedule.Default("Europe/Berlin").Problems());
    }
}
