using BalanceBot.Core.Users;
using BalanceBot.Storage;

namespace BalanceBot.Tests.Storage.Contracts;

/// <summary>What every <see cref="IUserStore"/> promises.</summary>
public abstract class UserStoreContract : StoreContract
{
    private IUserStore? _store;

    private protected IUserStore Store => _store ??= CreateStore();

    /// <summary>A new, empty store on fresh storage.</summary>
    private protected abstract IUserStore CreateStore();

    private UserRecord User(string key) => new() { Key = key, FirstSeenUtc = Time.GetUtcNow() };

    [Fact]
    public async Task An_unknown_user_is_not_found()
    {
        Assert.Null(await Store.FindAsync("msteams:29:nobody", CancellationToken.None));
        Assert.Empty(Store.All());
    }

    [Fact]
    public async Task A_user_round_trips_with_address_preferences_and_check_up_starts()
    {
        var user = User("msteams:29:kim");
        user.DisplayName = "Kim";
        user.Locale = "en-GB";
        user.TimeZone = "Europe/London";
        user.Address = new ConversationAddress(ChannelNames.BotFramework, """{"conversation":"a:kim"}""");
        user.Preferences["wellness"] = "off";
        user.CheckupStarts.Add(new DateOnly(2026, 3, 2));
        await Store.SaveAsync(user, CancellationToken.None);

        var found = await Store.FindAsync("msteams:29:kim", CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(("Kim", "en-GB", "Europe/London"), (found.DisplayName, found.Locale, found.TimeZone));
        Assert.Equal(user.Address, found.Address);
        Assert.Equal("off", found.Preferences["wellness"]);
        Assert.Equal([new DateOnly(2026, 3, 2)], found.CheckupStarts);
        Assert.Equal(user.FirstSeenUtc, found.FirstSeenUtc);
    }

    [Fact]
    public async Task Saving_again_replaces_the_user_and_keys_differing_in_case_are_different_users()
    {
        var kim = User("discord:Kim");
        await Store.SaveAsync(kim, CancellationToken.None);
        kim.DisplayName = "Kim B";
        kim.Preferences["wellness"] = "on";
        await Store.SaveAsync(kim, CancellationToken.None);
        await Store.SaveAsync(User("discord:kim"), CancellationToken.None);

        var found = await Store.FindAsync("discord:Kim", CancellationToken.None);

        Assert.Equal("Kim B", found!.DisplayName);
        Assert.Equal("on", found.Preferences["wellness"]);
        Assert.Null((await Store.FindAsync("discord:kim", CancellationToken.None))!.DisplayName);
        Assert.Equal(["discord:Kim", "discord:kim"], Store.All().Select(u => u.Key).Order(StringComparer.Ordinal));
    }
}

public sealed class LiteDbUserStoreContractTests : UserStoreContract
{
    private readonly LiteDbContractStorage _storage = new();

    private protected override IUserStore CreateStore() => new LiteDbUserStore(_storage.Database);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _storage.Dispose();
        }

        base.Dispose(disposing);
    }
}
