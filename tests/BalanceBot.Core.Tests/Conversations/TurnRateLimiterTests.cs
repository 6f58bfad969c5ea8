using BalanceBot.Core.Conversations;
using Microsoft.Extensions.Time.Testing;

namespace BalanceBot.Core.Tests.Conversations;

public sealed class TurnRateLimiterTests
{
    [Fact]
    public void Twenty_turns_pass_the_next_is_told_once_the_rest_are_dropped_and_a_quiet_window_lets_them_in_again()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var limiter = new TurnRateLimiter(20, TimeSpan.FromSeconds(10), time);

        var first = Enumerable.Range(0, 20).Select(_ => limiter.Admit("u")).ToList();
        var over = Enumerable.Range(0, 3).Select(_ => limiter.Admit("u")).ToList();

        Assert.All(first, a => Assert.Equal(TurnAdmission.Admitted, a));
        Assert.Equal([TurnAdmission.SlowDown, TurnAdmission.Dropped, TurnAdmission.Dropped], over);
        Assert.Equal(TurnAdmission.Admitted, limiter.Admit("someone else"));

        // Refused turns do not count: ten seconds after the twentieth, the user is served and may be told again later.
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TurnAdmission.Admitted, limiter.Admit("u"));
    }

    [Fact]
    public void The_window_slides_rather_than_resetting_on_the_second()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var limiter = new TurnRateLimiter(2, TimeSpan.FromSeconds(10), time);
        limiter.Admit("u");
        time.Advance(TimeSpan.FromSeconds(6));
        limiter.Admit("u");
        time.Advance(TimeSpan.FromSeconds(5)); // 11 s after the first, 5 s after the second

        Assert.Equal(TurnAdmission.Admitted, limiter.Admit("u"));
        Assert.Equal(TurnAdmission.SlowDown, limiter.Admit("u"));
    }

    [Fact]
    public void A_limit_of_zero_admits_everything()
    {
        var limiter = new TurnRateLimiter(0, TimeSpan.FromSeconds(10), TimeProvider.System);
        Assert.All(Enumerable.Range(0, 1000), _ => Assert.Equal(TurnAdmission.Admitted, limiter.Admit("u")));
    }
}
