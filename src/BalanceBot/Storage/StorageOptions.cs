using System.ComponentModel.DataAnnotations;

namespace BalanceBot.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
internal sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file; relative paths are resolved against the current directory. <c>:memory:</c> keeps nothing.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:Path must name the database file, e.g. data/balancebot.db")]
    public string Path { get; set; } = "data/balancebot.db";

    /// <summary>
    /// The folder of the key ring that encrypts sensitive fields; empty for <c>keys</c> next to the database file.
    /// Keep it out of database backups: a backup plus its keys is readable.
    /// </summary>
    public string KeysPath { get; set; } = "";

    /// <summary>How often the LiteDB log is folded into the data file (scheduling-storage.md §4.3).</summary>
    [Range(1, 1440, ErrorMessage = "Storage:CheckpointIntervalMinutes must be between 1 and 1440")]
    public int CheckpointIntervalMinutes { get; set; } = 10;
}
