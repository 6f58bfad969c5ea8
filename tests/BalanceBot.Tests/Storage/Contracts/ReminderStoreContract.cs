using BalanceBot.Core.Reminders;
using BalanceBot.Storage;
using NodaTime;

namespace BalanceBot.Tests.Storage.Contracts;

/// <summary>What every <see cref="IReminderStore"/> promises, claiming due prompts above all.</summary>
public abstract class ReminderStoreContract : StoreContract
{
    private static readonly Instant Nine = Instant.FromUtc(2026, 3, 3, 9, 0);

    private IReminderStore? _store;

    private protected IReminderStore Store => _store ??= CreateStore();

    /// <summary>A new, empty store on fresh storage.</summary>
    private protected abstract IReminderStore CreateStore();

    private async Task SaveDueAsync(string userKey, Instant due)
    {
        var subscription = new ReminderSubscription { UserKey = userKey, Schedule = ReminderSchedule.Default("Europe/Berlin"), NextDueUtc = due };
        await Store.SaveAsync(subscription, CancellationToken.None);
    }

    [Fact]
    public async Task A_subscription_round_trips_and_is_gone_after_delete()
    {
        var subscription = new ReminderSubscription { UserKey = "msteams:29:kim", Schedule = ReminderSchedule.Default("Europe/Berlin"), NextDueUtc = Nine, FocusArea = "knee", UnansweredInARow = 2 };
        subscription.CountSent(new LocalDate(2026, 3, 3));
        await Store.SaveAsync(subscription, CancellationToken.None);

        var found = await Store.FindAsync("msteams:29:kim", CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal((Nine, "knee", 2, "Europe/Berlin"), (found.NextDueUtc!.Value, found.FocusArea, found.UnansweredInARow, found.Schedule.TimeZoneId));
        Assert.Equal(new DayTally(0, 0, Sent: 1), found.Tally[new LocalDate(2026, 3, 3)]);
        Assert.Single(Store.All());

        await Store.DeleteAsync("msteams:29:kim", CancellationToken.None);
        Assert.Null(await Store.FindAsync("msteams:29:kim", CancellationToken.None));
        Assert.Empty(Store.All());
    }

    [Fact]
    public async Task Only_due_subscriptions_are_claimed_and_what_advance_changed_is_kept()
    {
        await SaveDueAsync("msteams:29:due", Nine);
        await SaveDueAsync("msteams:29:later", Nine.Plus(Duration.FromMinutes(30)));

        var claimed = Store.ClaimDue(Nine, 10, subscription =>
        {
            subscription.NextDueUtc = Nine.Plus(Duration.FromHours(1));
            return true;
        });

        Assert.Equal(["msteams:29:due"], claimed.Select(s => s.UserKey));
        Assert.Equal(Nine.Plus(Duration.FromHours(1)), (await Store.FindAsync("msteams:29:due", CancellationToken.None))!.NextDueUtc);

        // Advanced past now, it is not claimed a second time.
        Assert.Empty(Store.ClaimDue(Nine, 10, _ => true));
    }

    [Fact]
    public async Task A_subscription_advance_declines_is_updated_but_not_returned()
    {
        await SaveDueAsync("msteams:29:skipped", Nine);

        var claimed = Store.ClaimDue(Nine, 10, subscription =>
        {
            subscription.NextDueUtc = Nine.Plus(Duration.FromHours(3));
            return false;
        });

        Assert.Empty(claimed);
        Assert.Equal(Nine.Plus(Duration.FromHours(3)), (await Store.FindAsync("msteams:29:skipped", CancellationToken.None))!.NextDueUtc);
    }

    [Fact]
    public async Task A_claim_takes_at_most_a_page_and_only_the_channel_asked_for()
    {
        for (var i = 0; i < 5; i++)
        {
            await SaveDueAsync($"msteams:29:user-{i}", Nine);
        }

        await SaveDueAsync("console:kim", Nine);

        var console = Store.ClaimDue(Nine, 10, s => { s.NextDueUtc = null; return true; }, userKeyPrefix: "console:");
        var page = Store.ClaimDue(Nine, 3, s => { s.NextDueUtc = null; return true; });
        var rest = Store.ClaimDue(Nine, 10, s => { s.NextDueUtc = null; return true; });

        Assert.Equal(["console:kim"], console.Select(s => s.UserKey));
        Assert.Equal(3, page.Count);
        Assert.Equal(2, rest.Count);
        Assert.Empty(page.Select(s => s.UserKey).Intersect(rest.Select(s => s.UserKey)));
    }
}

public sealed class LiteDbReminderStoreContractTests : ReminderStoreContract
{
    private readonly LiteDbContractStorage _storage = new();

    private protected override IReminderStore CreateStore() => new LiteDbReminderStore(_storage.Database);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _storage.Dispose();
        }

        base.Dispose(disposing);
    }
}
