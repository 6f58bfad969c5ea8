using System.Net;
using BalanceBot.Core.Conversations;
using BalanceBot.Storage;
using Microsoft.Extensions.Options;

namespace BalanceBot.Tests.Storage;

/// <summary>Issue 14 §7: a storage I/O fault (full disk) gives 503 + Retry-After, not 500, and heals by itself.</summary>
public sealed class StorageFaultTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "balancebot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_full_disk_gives_503_with_retry_after_and_readyz_503_then_recovers_once_space_is_back()
    {
        var disk = new SwitchableDisk();
        await using var bot = await BotServer.StartAsync(services: services =>
        {
            services.AddSingleton<IConversationStateStore>(provider => new FaultyConversationStateStore(
                new LiteDbConversationStateStore(provider.GetRequiredService<BalanceBotDatabase>()), disk));
        });

        Assert.Equal(HttpStatusCode.OK, (await bot.Http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        disk.Full = true;
        using var refused = await bot.PostAsync(bot.Message("hi", "f1"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await bot.Http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);

        // Space is freed: nobody restarts the process, the channel's retry is answered and readiness comes back.
        disk.Full = false;
        bot.Time.Advance(BalanceBotDatabase.ReopenBackoff);
        using var retried = await bot.PostAsync(bot.Message("hi", "f2"));
        Assert.True(retried.IsSuccessStatusCode, retried.StatusCode.ToString());
        Assert.NotEmpty(bot.Connector.Drain());
        Assert.Equal(HttpStatusCode.OK, (await bot.Http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public void Dispose_with_a_transaction_left_open_by_a_failed_write_does_not_throw()
    {
        var database = new BalanceBotDatabase(Options.Create(new StorageOptions { Path = Path.Combine(_folder, "bot.db") }));
        StorageSetup.CreateCollections(database);
        database.Database.BeginTrans();
        database.Database.GetCollection("users").Insert(new LiteDB.BsonDocument { ["_id"] = "test:left-open" });

        var failure = Record.Exception(database.Dispose);

        Assert.Null(failure);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private sealed class SwitchableDisk
    {
        public volatile bool Full;
    }

    /// <summary>The real store, with the disk under it failing the way a full one does (ENOSPC as an IOException).</summary>
    private sealed class FaultyConversationStateStore(IConversationStateStore inner, SwitchableDisk disk) : IConversationStateStore
    {
        public ValueTask<ConversationState?> LoadAsync(string conversationKey, CancellationToken cancellationToken) =>
            disk.Full ? throw new IOException("No space left on device") : inner.LoadAsync(conversationKey, cancellationToken);

        public ValueTask SaveAsync(ConversationState state, CancellationToken cancellationToken) =>
            disk.Full ? throw new IOException("No space left on device") : inner.SaveAsync(state, cancellationToken);
    }
}
