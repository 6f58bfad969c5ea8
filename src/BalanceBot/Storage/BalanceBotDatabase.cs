using LiteDB;
using Microsoft.Extensions.Options;

namespace BalanceBot.Storage;

/// <summary>Opens the LiteDB engine on a connection; the default opens the file itself.</summary>
internal delegate LiteDatabase DatabaseOpener(ConnectionString connection, BsonMapper mapper);

/// <summary>
/// The one <see cref="LiteDatabase"/> of the process (DESIGN §5): Direct mode, ordinal collation because Teams ids are
/// case-sensitive, UTC dates, and an explicit mapper (never <c>BsonMapper.Global</c>). Disposed by the container on
/// shutdown, which checkpoints the log into the data file.
/// </summary>
/// <remarks>
/// LiteDB closes its engine for good after an I/O error (a full disk, a lost mount): every later call throws. A
/// reported fault makes the next use after <see cref="ReopenBackoff"/> check the engine and, if it is closed, open the
/// file again, so the service heals once the disk is back, with nobody restarting it (issue 14 §7).
/// </remarks>
internal sealed class BalanceBotDatabase : IDisposable
{
    public const string InMemory = ":memory:";

    /// <summary>How long a faulted database waits before it tries to reopen: the channels' Retry-After.</summary>
    public static readonly TimeSpan ReopenBackoff = TimeSpan.FromSeconds(5);

    /// <summary>LiteDB 5's page size: a data file is always a whole number of these.</summary>
    private const int PageSize = 8192;

    private readonly FileStream? _exclusive;
    private readonly ConnectionString _connection;
    private readonly DatabaseOpener _open;
    private readonly TimeProvider _time;
    private readonly Lock _reopen = new();
    private LiteDatabase _current;
    private volatile bool _faulted;
    private bool _broken;
    private DateTimeOffset _retryAt;
    private bool _disposed;

    /// <param name="time">The clock the reopen back-off runs on.</param>
    /// <param name="open">How the engine is opened; tests put a failing disk under the real file.</param>
    public BalanceBotDatabase(IOptions<StorageOptions> options, TimeProvider? time = null, DatabaseOpener? open = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time ?? TimeProvider.System;
        _open = open ?? ((connection, mapper) => new LiteDatabase(connection, mapper));
        FilePath = options.Value.Path == InMemory ? InMemory : System.IO.Path.GetFullPath(options.Value.Path);
        if (FilePath != InMemory)
        {
            var keys = System.IO.Path.GetFullPath(options.Value.KeysPath is { Length: > 0 } configured ? configured : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(FilePath)!, "keys"));
            try
            {
                CreateOwnerOnlyFolder(System.IO.Path.GetDirectoryName(FilePath)!);
                CreateOwnerOnlyFolder(keys);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw StorageStartupFailure.Explain(FilePath, ex);
            }

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

        if (FilePath != InMemory && File.Exists(FilePath) && new FileInfo(FilePath).Length % PageSize != 0)
        {
            // A LiteDB data file is whole 8 KiB pages: anything else is a cut-off copy or a disk that filled mid-write.
            _exclusive?.Dispose();
            throw StorageStartupFailure.Explain(FilePath, new InvalidDataException("the file is not a whole number of database pages; it was cut off"));
        }

        _connection = new ConnectionString
        {
            Filename = FilePath,
            Connection = ConnectionType.Direct,
            Collation = new Collation("/Ordinal"),
        };
        try
        {
            _current = OpenEngine();
        }
        catch (Exception ex) when (StorageStartupFailure.IsOpenFailure(ex))
        {
            _exclusive?.Dispose();
            throw StorageStartupFailure.Explain(FilePath, ex);
        }

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

    /// <summary>The open engine; after a reported fault, reopened here on the first use past the back-off.</summary>
    public LiteDatabase Database => _faulted ? ReopenIfDue() : _current;

    /// <summary>True from a reported storage fault until the engine answers again.</summary>
    public bool IsFaulted => _faulted;

    public void Checkpoint() => Database.Checkpoint();

    /// <summary>A storage fault was seen: check (and if need be reopen) the engine once the back-off has passed.</summary>
    /// <param name="engineBroken">
    /// A transaction failed to commit or roll back: LiteDB keeps its locks and pages in that state, so the engine is
    /// reopened even if it still answers reads.
    /// </param>
    public void ReportFault(bool engineBroken = false)
    {
        lock (_reopen)
        {
            _broken |= engineBroken;
            if (!_faulted)
            {
                _retryAt = _time.GetUtcNow() + ReopenBackoff;
                _faulted = true;
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, committed when it returns and rolled back when it throws.
    /// LiteDB binds a transaction to its thread: <paramref name="work"/> must not await (scheduling-storage.md §4.2).
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var database = Database;
        database.BeginTrans();
        try
        {
            var result = work();
            database.Commit();
            return result;
        }
        catch (Exception ex)
        {
            try
            {
                database.Rollback();
            }
            catch (Exception rollback) when (StorageFaultState.IsStorageFault(ex) || StorageFaultState.IsStorageFault(rollback))
            {
                // The engine closed itself on the fault and its pages are in no state to roll back (LiteDB's own
                // checks fail): the first fault is the one to report.
                ReportFault(engineBroken: true);
            }

            if (StorageFaultState.IsStorageFault(ex))
            {
                ReportFault(engineBroken: true);
            }

            throw;
        }
    }

    /// <summary>Folds the log into the data file before closing, so a clean stop leaves one self-contained file.</summary>
    public void Dispose()
    {
        lock (_reopen)
        {
            _disposed = true;
        }

        try
        {
            _current.Checkpoint();
        }
        catch (Exception ex) when (ex is LiteException or IOException or LockRecursionException or SynchronizationLockException or ObjectDisposedException)
        {
            // A database that failed (full disk, a lock still held by a failed write) is closed without its
            // checkpoint; the log is replayed at the next start. A stop must never crash on it (issue 14 §7).
        }

        try
        {
            _current.Dispose();
        }
        catch (Exception ex) when (ex is LiteException or IOException or LockRecursionException or SynchronizationLockException or ObjectDisposedException)
        {
            // Same: whatever LiteDB could not flush is in the log file, replayed at the next start.
        }

        _exclusive?.Dispose();
    }

    private LiteDatabase OpenEngine()
    {
        var database = _open(_connection, Mapper);
        database.UtcDate = true;
        return database;
    }

    private LiteDatabase ReopenIfDue()
    {
        lock (_reopen)
        {
            if (!_faulted || _disposed || _time.GetUtcNow() < _retryAt)
            {
                return _current;
            }

            if (!_broken && Answers(_current))
            {
                // The fault did not close the engine (a write refused, the engine kept): nothing to reopen.
                _faulted = false;
                return _current;
            }

            // Closed before the new one opens: two engines must never hold the same file.
            Close(_current);
            try
            {
                _current = OpenEngine();
                _faulted = false;
                _broken = false;
            }
            catch (Exception ex) when (StorageFaultState.IsStorageFault(ex))
            {
                // The disk is still failing: the closed engine stays (every call answers 503) until the next try.
                _retryAt = _time.GetUtcNow() + ReopenBackoff;
            }

            return _current;
        }
    }

    private static bool Answers(LiteDatabase database)
    {
        try
        {
            _ = database.CollectionExists("conversations");
            return true;
        }
        catch (Exception ex) when (StorageFaultState.IsStorageFault(ex))
        {
            return false;
        }
    }

    private static void Close(LiteDatabase closed)
    {
        try
        {
            closed.Dispose();
        }
        catch (Exception ex) when (StorageFaultState.IsStorageFault(ex) || ex is LockRecursionException or SynchronizationLockException)
        {
            // It closed itself on the fault; whatever it could not flush is in the log, which the new engine replays.
        }
    }

    private static FileStream LockExclusively(string lockPath)
    {
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (File.Exists(lockPath) && !IsReadOnlyFolder(ex))
        {
            throw new StorageUnavailableException(
                $"The database at {lockPath[..^".lock".Length]} (Storage:Path) is in use by another BalanceBot process. Stop it first, or point Storage:Path at another file.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw StorageStartupFailure.Explain(lockPath[..^".lock".Length], ex);
        }
    }

    private static bool IsReadOnlyFolder(IOException failure) =>
        failure.Message.Contains("read-only", StringComparison.OrdinalIgnoreCase);

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
