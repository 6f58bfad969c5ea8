using BalanceBot.Storage;
using Microsoft.Extensions.Options;

namespace BalanceBot.Tests.Storage;

/// <summary>
/// Issue 14 §8: storage start-up refuses an empty, damaged or unwritable database with one line naming the file,
/// Storage:Path and what to do, and makes the data owner-only.
/// </summary>
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

    [Theory]
    [InlineData("header")]
    [InlineData("flipped")]
    [InlineData("truncated")]
    public void A_damaged_database_file_stops_start_up_with_one_line_naming_storage_path(string damage)
    {
        var path = Path.Combine(_folder, "bot.db");
        WriteDatabaseWithUsers(path);
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "header":
                Array.Fill(bytes, (byte)0x5A, 0, 64);
                break;
            case "flipped":
                for (var i = 8192; i < bytes.Length; i += 97)
                {
                    bytes[i] ^= 0xFF;
                }

                break;
            default:
                bytes = bytes[..(bytes.Length / 2 - 100)];
                break;
        }

        File.WriteAllBytes(path, bytes);

        var failure = Assert.Throws<StorageUnavailableException>(() => OpenAndTouch(path));

        Assert.Contains(path, failure.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Path", failure.Message, StringComparison.Ordinal);
        Assert.Contains("damaged", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);

        // What the damaged engine left behind is finalized without ending the process.
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    [Fact]
    public void A_folder_that_cannot_be_written_stops_start_up_with_one_line_naming_storage_path()
    {
        var path = ReadOnlyPlace();

        var failure = Assert.Throws<StorageUnavailableException>(() => OpenAndTouch(path));

        Assert.Contains(path, failure.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Path", failure.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be written", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
    }

    /// <summary>
    /// A folder the kernel refuses to write: owner-only read and execute, or (root ignores permissions) a folder in
    /// sysfs, which refuses new files to everyone.
    /// </summary>
    private string ReadOnlyPlace()
    {
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.Windows), "balancebot", "bot.db");
        }

        var folder = Path.Combine(_folder, "locked");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "probe"), []);
            return Path.Combine("/sys", "balancebot-" + Guid.NewGuid().ToString("N"), "bot.db");
        }
        catch (UnauthorizedAccessException)
        {
            return Path.Combine(folder, "bot.db");
        }
    }

    private static void WriteDatabaseWithUsers(string path)
    {
        using var database = new BalanceBotDatabase(Options.Create(new StorageOptions { Path = path }));
        StorageSetup.CreateCollections(database);
        var users = database.Database.GetCollection("users");
        for (var i = 0; i < 300; i++)
        {
            users.Insert(new LiteDB.BsonDocument { ["_id"] = $"test:{i}", ["name"] = new string('x', 200) });
        }
    }

    /// <summary>What start-up does: open the file, then create the collections (OpenDatabaseAtStart).</summary>
    private static void OpenAndTouch(string path)
    {
        using var database = new BalanceBotDatabase(Options.Create(new StorageOptions { Path = path }));
        StorageSetup.CheckAtStart(database);
    }

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows() && Directory.Exists(Path.Combine(_folder, "locked")))
        {
            File.SetUnixFileMode(Path.Combine(_folder, "locked"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
