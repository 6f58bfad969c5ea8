namespace BalanceBot.Storage;

/// <summary>The database file cannot be opened; start-up stops with the message.</summary>
internal sealed class StorageUnavailableException(string message, Exception inner) : Exception(message, inner);
