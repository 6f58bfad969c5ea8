using BalanceBot.Storage;

namespace BalanceBot.Tests.Storage.Contracts;

/// <summary>What every <see cref="IAuditLog"/> promises.</summary>
public abstract class AuditLogContract : StoreContract
{
    private IAuditLog? _store;

    private protected IAuditLog Store => _store ??= CreateStore();

    /// <summary>A new, empty audit log on fresh storage, on <see cref="StoreContract.Time"/>.</summary>
    private protected abstract IAuditLog CreateStore();

    [Fact]
    public void An_empty_log_has_no_entries()
    {
        Assert.Empty(Store.Recent(10));
    }

    [Fact]
    public void Entries_come_back_newest_first_with_who_what_target_and_when()
    {
        Store.Record("discord:admin-1", "broadcast.create", "b-1");
        Time.Advance(TimeSpan.FromMinutes(5));
        Store.Record("api-key:3f2a", "broadcast.cancel", null);

        var entries = Store.Recent(10);

        Assert.Equal(2, entries.Count);
        Assert.Equal(("api-key:3f2a", "broadcast.cancel", (string?)null), (entries[0].Who, entries[0].Action, entries[0].Target));
        Assert.Equal(("discord:admin-1", "broadcast.create", "b-1"), (entries[1].Who, entries[1].Action, entries[1].Target));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 5, 0, TimeSpan.Zero), entries[0].At);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), entries[1].At);
    }

    [Fact]
    public void Entries_made_in_the_same_instant_keep_the_order_they_were_made_in_and_the_limit_keeps_the_newest()
    {
        for (var i = 0; i < 5; i++)
        {
            Store.Record("admin", $"action-{i}", null);
        }

        Assert.Equal(["action-4", "action-3", "action-2"], Store.Recent(3).Select(e => e.Action));
    }
}

public sealed class LiteDbAuditLogContractTests : AuditLogContract
{
    private readonly LiteDbContractStorage _storage = new();

    private protected override IAuditLog CreateStore() => new LiteDbAuditLog(_storage.Database, Time);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _storage.Dispose();
        }

        base.Dispose(disposing);
    }
}
