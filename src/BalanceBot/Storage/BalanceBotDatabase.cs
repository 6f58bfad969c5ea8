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

    public BalanceBotDatabase(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        FilePath = options.Value.Path == InMemory ? InMemory : System.IO.Path.GetFullPath(options.Value.Path);
        if (FilePath != InMemory)
        {
            CreateOwnerOnlyFolder(System.IO.Path.GetDirectoryName(FilePath)!);
        }

        Mapper = new BsonMapper
        {
            // User-entered text keeps its spaces and empty strings (scheduling-storage.md §4.7).
            TrimWhitespace = false,
            EmptyStringToNull = false,
        };

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
        catch (IOException ex)
        {
            throw new StorageUnavailableException(
                $"Cannot open the database at {FilePath}: {ex.Message} Is another BalanceBot process using it? (Storage:Path)", ex);
        }

        Database.UtcDate = true;
    }

    public string FilePath { get; }

    public BsonMapper Mapper { get; }

    public LiteDatabase Database { get; }

    public void Checkpoint() => Database.Checkpoint();

    public void Dispose() => Database.Dispose();

    private static void CreateOwnerOnlyFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            // Health-adjacent data: nobody but the service account reads the folder.
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
