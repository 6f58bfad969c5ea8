using BalanceBot.Storage;
using Microsoft.Extensions.Options;

namespace BalanceBot.Tests.Storage;

/// <summary>Issue 14 §8: storage start-up refuses an empty database file and makes the data owner-only.</summary>
public sealed class StorageStartupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "balancebot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_zero_length_database_file_stops_start_up_naming_storage_path_instead_of_becoming_a_new_database()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "bot.db");
        File.WriteAllBytes(path, []);

        var failure = Assert.Throws<StorageUnavailableException>(() => new BalanceBotDatabase(Options.Create(new StorageOptions { Path = path })));

        Assert.Contains("Storage:Path", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(path).Length);
    }

    [Fact]
    public void An_existing_folder_and_file_with_wide_permissions_are_made_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions only.
        }

        var path = Path.Combine(_folder, "bot.db");
        using (var first = new BalanceBotDatabase(Options.Create(new StorageOptions { Path = path })))
        {
            StorageSetup.CreateCollections(first);
        }

        const UnixFileMode wide = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(_folder, wide);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using var database = new BalanceBotDatabase(Options.Create(new StorageOptions { Path = path }));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
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
}
