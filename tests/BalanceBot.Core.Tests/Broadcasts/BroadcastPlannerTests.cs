using BalanceBot.Core.Broadcasts;
using BalanceBot.Core.Users;
using NodaTime;

namespace BalanceBot.Core.Tests.Broadcasts;

public sealed class BroadcastPlannerTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);

    private static UserRecord User(string key, string? zone, string channel = "botframework", string? tags = null, bool reachable = true)
    {
        var user = new UserRecord { Key = key, FirstSeenUtc = DateTimeOffset.UnixEpoch, TimeZone = zone, Address = reachable ? new ConversationAddress(channel, "{}") : null };
        if (tags is not null)
        {
            user.Preferences[PreferenceNames.Tags] = tags;
        }

        return user;
    }

    private static Broadcast To(BroadcastAudience audience) =>
        new() { Id = "b1", Text = "Hi", Audience = audience, Timing = BroadcastTiming.Now, CreatedBy = "api-key:test", CreatedUtc = Now };

    [Fact]
    public void The_audience_narrows_by_channel_tag_and_zone_and_never_includes_someone_the_bot_cannot_reach()
    {
        UserRecord[] users =
        [
            User("teams-kolkata", "Asia/Kolkata", tags: "Bangalore, Engineering"),
            User("teams-berlin", "Europe/Berlin", tags: "berlin"),
            User("discord-kolkata", "Asia/Kolkata", channel: "discord", tags: "bangalore"),
            User("no-address", "Asia/Kolkata", reachable: false),
        ];

        // An alias (Asia/Calcutta) and a tag in another case still match.
        var planned = BroadcastPlanner.Plan(To(new BroadcastAudience("botframework", ["bangalore"], ["Asia/Calcutta"])), users, Now, "Europe/London");
        var everyone = BroadcastPlanner.Plan(To(BroadcastAudience.Everyone), users, Now, "Europe/London");

        Assert.Equal(["teams-kolkata"], planned.Select(e => e.UserKey));
        Assert.Equal(["teams-kolkata", "teams-berlin", "discord-kolkata"], everyone.Select(e => e.UserKey));
        Assert.All(everyone, e => Assert.Equal((DeliveryState.Queued, Now), (e.State, e.DueUtc)));
    }

    [Fact]
    public void A_local_time_on_a_spring_forward_night_moves_to_the_first_valid_moment_and_users_without_a_zone_get_the_default()
    {
        // 02:30 does not exist in Berlin on 29 March 2026: the clocks jump from 02:00 to 03:00.
        var broadcast = To(BroadcastAudience.Everyone) with { Timing = new BroadcastTiming(BroadcastTimingKind.LocalTime, Date: new LocalDate(2026, 3, 29), Time: new LocalTime(2, 30)) };

        var planned = BroadcastPlanner.Plan(broadcast, [User("berlin", "Europe/Berlin"), User("unknown", null)], Now, "America/New_York");

        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 30), planned.Single(e => e.UserKey == "berlin").DueUtc); // 03:30 CEST
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 6, 30), planned.Single(e => e.UserKey == "unknown").DueUtc); // 02:30 EDT
    }
}
