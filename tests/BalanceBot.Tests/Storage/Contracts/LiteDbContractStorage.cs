using BalanceBot.Storage;
using Microsoft.Extensions.Options;

namespace BalanceBot.Tests.Storage.Contracts;

/// <summary>A LiteDB file in a temp folder of its own, for one contract test; deleted afterwards.</summary>
internal sealed class LiteDbContractStorage : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "balancebot-tests", Guid.NewGuid().ToString("N"));

    public LiteDbContractStorage()
    {
        Database = new BalanceBotDatabase(Options.Create(new StorageOptions { Path = Path.Combine(_folder, "bot.db") }));
        StorageSetup.CreateCollections(Database);
    }

    public BalanceBotDatabase Database { get; }

    public void Dispose()
    {
        Database.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over clean-up.
        }
    }
}
