using BalanceBot.Core.Broadcasts;
using BalanceBot.Storage;
using NodaTime;

namespace BalanceBot.Tests.Storage.Contracts;

/// <summary>What every <see cref="IBroadcastStore"/> promises: broadcasts, their outbox, and its state changes.</summary>
public abstract class BroadcastStoreContract : StoreContract
{
    private static readonly Instant Nine = Instant.FromUtc(2026, 3, 2, 9, 0);

    private IBroadcastStore? _store;

    private protected IBroadcastStore Store => _store ??= CreateStore();

    /// <summary>A new, empty store on fresh storage.</summary>
    private protected abstract IBroadcastStore CreateStore();

    private static Broadcast Broadcast(string id, Instant created) => new()
    {
        Id = id,
        Text = "Stand up and stretch",
        Audience = BroadcastAudience.Everyone,
        Timing = BroadcastTiming.Now,
        CreatedBy = "api-key:3f2a",
        CreatedUtc = created,
    };

    private static OutboxEntry Entry(string broadcastId, string userKey, Instant due, DeliveryState state = DeliveryState.Queued) =>
        new() { BroadcastId = broadcastId, UserKey = userKey, State = state, DueUtc = due };

    private void CreateWithTwo(string id = "b1") =>
        Store.Create(Broadcast(id, Nine), [Entry(id, "msteams:29:kim", Nine), Entry(id, "discord:111", Nine.Plus(Duration.FromHours(1)))]);

    [Fact]
    public void A_broadcast_round_trips_and_lists_newest_first()
    {
        CreateWithTwo("b1");
        Store.Create(Broadcast("b2", Nine.Plus(Duration.FromMinutes(1))), []);

        var found = Store.Find("b1");

        Assert.NotNull(found);
        Assert.Equal(("Stand up and stretch", "api-key:3f2a", Nine, false, false), (found.Text, found.CreatedBy, found.CreatedUtc, found.Cancelled, found.Reported));
        Assert.Null(Store.Find("b3"));
        Assert.Equal(["b2", "b1"], Store.List(10).Select(b => b.Id));
        Assert.Equal(["b2"], Store.List(1).Select(b => b.Id));
    }

    [Fact]
    public void Only_queued_copies_that_are_due_are_handed_out_per_channel()
    {
        CreateWithTwo();

        Assert.Equal(["msteams:29:kim"], Store.Due(Nine, 10).Select(e => e.UserKey));
        Assert.Equal(["msteams"], Store.DueChannels(Nine));
        var later = Nine.Plus(Duration.FromHours(2));
        Assert.Equal(2, Store.Due(later, 10).Count);
        Assert.Equal(["discord:111"], Store.Due(later, 10, userKeyPrefix: "discord:").Select(e => e.UserKey));
        Assert.Single(Store.Due(later, 1));
    }

    [Fact]
    public void Updated_states_are_counted_and_sent_copies_are_reported_by_due_time()
    {
        CreateWithTwo();
        var kim = Store.Due(Nine, 10).Single();

        Store.Update(kim with { State = DeliveryState.Sent, Attempts = 1 });
        Store.Update([Entry("b1", "discord:111", Nine.Plus(Duration.FromHours(1)), DeliveryState.Unreachable)]);

        Assert.Equal(new Dictionary<DeliveryState, int> { [DeliveryState.Sent] = 1, [DeliveryState.Unreachable] = 1 }, Store.CountByState("b1"));
        Assert.Equal([("msteams:29:kim", Nine)], Store.SentSince(Nine));
        Assert.Empty(Store.SentSince(Nine.Plus(Duration.FromMinutes(1))));
        Assert.Empty(Store.Due(Nine.Plus(Duration.FromHours(2)), 10));
    }

    [Fact]
    public void Copies_in_flight_at_a_crash_become_unknown_and_are_not_sent_again()
    {
        CreateWithTwo();
        Store.Update(Store.Due(Nine, 10).Single() with { State = DeliveryState.Sending });

        Assert.Equal(1, Store.MarkInFlightUnknown());
        Assert.Equal(0, Store.MarkInFlightUnknown());
        Assert.Equal(1, Store.CountByState("b1")[DeliveryState.Unknown]);
        Assert.Equal(["discord:111"], Store.Due(Nine.Plus(Duration.FromHours(2)), 10).Select(e => e.UserKey));
    }

    [Fact]
    public void A_broadcast_is_reported_once_and_keeps_its_progress_message()
    {
        CreateWithTwo();

        Store.SetProgressMessage("b1", "channel/message-1");
        Assert.True(Store.MarkReported("b1"));
        Assert.False(Store.MarkReported("b1"));
        Assert.False(Store.MarkReported("no-such-broadcast"));
        Assert.Equal(("channel/message-1", true), (Store.Find("b1")!.ProgressMessageId, Store.Find("b1")!.Reported));
    }

    [Fact]
    public void A_broadcast_can_be_cancelled_until_its_first_copy_starts_and_then_hands_out_nothing()
    {
        CreateWithTwo("b1");
        CreateWithTwo("b2");
        Store.Update(Store.Due(Nine, 10, userKeyPrefix: "msteams:").First(e => e.BroadcastId == "b2") with { State = DeliveryState.Sending });

        Assert.True(Store.CancelIfNotStarted("b1"));
        Assert.False(Store.CancelIfNotStarted("b2"));
        Assert.False(Store.CancelIfNotStarted("no-such-broadcast"));

        Assert.True(Store.Find("b1")!.Cancelled);
        Assert.False(Store.Find("b2")!.Cancelled);
        Assert.DoesNotContain(Store.Due(Nine.Plus(Duration.FromHours(2)), 10), e => e.BroadcastId == "b1");
    }
}

public sealed class LiteDbBroadcastStoreContractTests : BroadcastStoreContract
{
    private readonly LiteDbContractStorage _storage = new();

    private protected override IBroadcastStore CreateStore() => new LiteDbBroadcastStore(_storage.Database);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _storage.Dispose();
        }

        base.Dispose(disposing);
    }
}
