using LiteDB;
using Microsoft.Extensions.Options;

namespace BalanceBot.Storage;

/// <summary>
/// The one <see cref="LiteDatabase"/> of the process (DESIGN §5): Direct mode, ordinal collation because Teams ids are
/// case-sensitive, UTC dates, and an explicit mapper (never <c>BsonMapper.Global</c>). Disposed by the container on
/// shutdown, which checkpoints the log into the data file.
/// </summary>
internal sealed class BalanceBotDatabase : IDisposable
{
    public const string InMemory = ":memory:";

    private readonly FileStream? _exclusive;

    public BalanceBotDatabase(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        FilePath = options.Value.Path == InMemory ? InMemory : System.IO.Path.GetFullPath(options.Value.Path);
        if (FilePath != InMemory)
        {
            CreateOwnerOnlyFolder(System.IO.Path.GetDirectoryName(FilePath)!);
            var keys = System.IO.Path.GetFullPath(options.Value.KeysPath is { Length: > 0 } configured ? configured : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(FilePath)!, "keys"));
            CreateOwnerOnlyFolder(keys);
            Protection = FieldProtection.WithKeysIn(keys);
        }
        else
        {
            Protection = FieldProtection.Ephemeral();
        }

        Mapper = new BsonMapper
        {
            // User-entered text keeps its spaces and empty strings (scheduling-storage.md §4.7).
            TrimWhitespace = false,
            EmptyStringToNull = false,
        };

        // LiteDB's Direct mode does not stop a second process (or instance) from opening the same file, and two
        // writers corrupt it. An exclusive lock file does: `chat` next to a running server gets a clear message.
        _exclusive = FilePath == InMemory ? null : LockExclusively(FilePath + ".lock");
        if (FilePath != InMemory && File.Exists(FilePath) && new FileInfo(FilePath).Length == 0)
        {
            // LiteDB would silently start a new, empty database in a file that was truncated (a full disk, a bad
            // copy): everyone's reminders and history would be gone without a word (issue 14 §8).
            _exclusive?.Dispose();
            throw new StorageUnavailableException(
                $"The database at {FilePath} (Storage:Path) is an empty file, not a database. Restore it from a backup, or delete it to start a new database.",
                new InvalidDataException("zero-length database file"));
        }

        var connection = new ConnectionString
        {
            Filename = FilePath,
            Connection = ConnectionType.Direct,
            Collation = new Collation("/Ordinal"),
        };
        try
        {
            Database = new LiteDatabase(connection, Mapper);
        }
        catch (Exception ex) when (ex is IOException or LiteException)
        {
            _exclusive?.Dispose();
            throw new StorageUnavailableException($"Cannot open the database at {FilePath} (Storage:Path): {ex.Message}", ex);
        }

        Database.UtcDate = true;
        if (FilePath != InMemory && !OperatingSystem.IsWindows())
        {
            // Also when the file already existed with wider permissions (issue 14 §8).
            File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public string FilePath { get; }

    public BsonMapper Mapper { get; }

    /// <summary>Encrypts the sensitive fields the stores write (kept check-ups, conversation references, answers).</summary>
    public FieldProtection Protection { get; }

    public LiteDatabase Database { get; }

    public void Checkpoint() => Database.Checkpoint();

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, committed when it returns and rolled back when it throws.
    /// LiteDB binds a transaction to its thread: <paramref name="work"/> must not await (scheduling-storage.md §4.2).
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Database.BeginTrans();
        try
        {
            var result = work();
            Database.Commit();
            return result;
        }
        catch
        {
            Database.Rollback();
            throw;
        }
    }

    /// <summary>Folds the log into the data file before closing, so a clean stop leaves one self-contained file.</summary>
    public void Dispose()
    {
        try
        {
            Database.Checkpoint();
        }
        catch (Exception ex) when (ex is LiteException or IOException or LockRecursionException or SynchronizationLockException or ObjectDisposedException)
        {
            // A database that failed (full disk, a lock still held by a failed write) is closed without its
            // checkpoint; the log is replayed at the next start. A stop must never crash on it (issue 14 §7).
        }

        try
        {
            Database.Dispose();
        }
        catch (Exception ex) when (ex is LiteException or IOException or LockRecursionException or SynchronizationLockException or ObjectDisposedException)
        {
            // Same: whatever LiteDB could not flush is in the log file, replayed at the next start.
        }

        _exclusive?.Dispose();
    }

    private static FileStream LockExclusively(string lockPath)
    {
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new StorageUnavailableException(
                $"The database at {lockPath[..^".lock".Length]} (Storage:Path) is in use by another BalanceBot process. Stop it first, or point Storage:Path at another file.", ex);
        }
    }

    private static void CreateOwnerOnlyFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            // Health-adjacent data: nobody but the service account reads the folder.
            const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            Directory.CreateDirectory(folder, ownerOnly);

            // CreateDirectory leaves an existing folder as it is: tighten it too (issue 14 §8).
            File.SetUnixFileMode(folder, ownerOnly);
        }
    }
}
