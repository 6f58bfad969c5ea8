using BalanceBot.Core.Users;
using BalanceBot.Storage;
using Microsoft.Extensions.Options;

namespace BalanceBot.Tests.Storage;

/// <summary>A fresh database taking its first writes from many threads at once (the first users of a new install).</summary>
public sealed class FirstWritesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "balancebot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Many_first_users_at_once_on_a_new_database_are_all_stored()
    {
        using var database = new BalanceBotDatabase(Options.Create(new StorageOptions { Path = Path.Combine(_folder, "bot.db") }));
        StorageSetup.CreateCollections(database);
        Assert.All(StorageSetup.Collections, name => Assert.True(database.Database.CollectionExists(name), name));
        Assert.All(StorageSetup.Collections, name => Assert.Equal(0, database.Database.GetCollection(name).Count()));
        var users = new LiteDbUserStore(database);
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        // Each turn reads before it writes: a read while another thread creates the collection is the risky moment.
        await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(async () =>
        {
            var key = $"test:user-{i}";
            Assert.Null(await users.FindAsync(key, CancellationToken.None));
            await users.SaveAsync(new UserRecord { Key = key, FirstSeenUtc = start }, CancellationToken.None);
            Assert.NotNull(await users.FindAsync(key, CancellationToken.None));
        })));

        Assert.Equal(400, database.Database.GetCollection("users").Count());
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
