using LiteDB;

namespace BalanceBot.Storage;

/// <summary>
/// Turns what goes wrong opening the database file into one line that names the file, <c>Storage:Path</c> and what to
/// do (issue 14 §8): a person at the console can fix a read-only folder or restore a damaged file, a stack trace
/// helps nobody.
/// </summary>
internal static class StorageStartupFailure
{
    public static StorageUnavailableException Explain(string filePath, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var reason = FirstLine(failure.Message);
        if (failure is UnauthorizedAccessException || IsReadOnly(failure))
        {
            return new StorageUnavailableException(
                $"The database at {filePath} (Storage:Path) cannot be written ({reason}). Give the service account write access to the file and its folder, or point Storage:Path at a writable place.",
                failure);
        }

        if (failure is IOException and not EndOfStreamException)
        {
            return new StorageUnavailableException(
                $"The database at {filePath} (Storage:Path) cannot be opened ({reason}). Check the disk and the path, then start again.",
                failure);
        }

        // LiteException, InvalidDataException, EndOfStream and the index or cast errors LiteDB throws on bytes it
        // cannot read: the file is not (or no longer) a whole LiteDB database.
        return new StorageUnavailableException(
            $"The database at {filePath} (Storage:Path) is damaged or not a LiteDB database ({reason}). Restore it from a backup, or move it away to start a new database.",
            failure);
    }

    /// <summary>The failures <see cref="BalanceBotDatabase"/> turns into <see cref="Explain"/> at start-up.</summary>
    public static bool IsOpenFailure(Exception exception) =>
        exception is IOException or LiteException or UnauthorizedAccessException or InvalidDataException
            or ArgumentException or InvalidCastException or IndexOutOfRangeException or OverflowException or FormatException;

    private static bool IsReadOnly(Exception failure) =>
        failure.Message.Contains("read-only", StringComparison.OrdinalIgnoreCase)
        || failure.Message.Contains("Permission denied", StringComparison.OrdinalIgnoreCase);

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
