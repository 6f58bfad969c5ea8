using LiteDB;

namespace BalanceBot.Storage;

/// <summary>
/// Every admin action: who (an admin's id or an API key's hash prefix), what, on which broadcast, and when. Never a
/// message body of a user, never a key (issue 7).
/// </summary>
internal sealed class LiteDbAuditLog : IAuditLog
{
    private readonly BalanceBotDatabase _database;

    // Fetched per use: the database reopens its engine after a storage fault (issue 14 §7).
    private ILiteCollection<BsonDocument> EntriesCollection => _database.Database.GetCollection("audit");
    private readonly TimeProvider _time;

    public LiteDbAuditLog(BalanceBotDatabase database, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _time = time;
    }

    public void Record(string who, string action, string? target) => EntriesCollection.Insert(new BsonDocument
    {
        ["at"] = _time.GetUtcNow().UtcDateTime,
        ["who"] = who,
        ["action"] = action,
        ["target"] = target,
    });

    /// <summary>Newest first, by insertion (the ObjectId), so entries made in the same instant keep their order.</summary>
    public IReadOnlyList<(DateTimeOffset At, string Who, string Action, string? Target)> Recent(int limit) =>
        [.. EntriesCollection.Find(Query.All("_id", Query.Descending), 0, limit).Select(d => (
            new DateTimeOffset(d["at"].AsDateTime.ToUniversalTime(), TimeSpan.Zero),
            d["who"].AsString,
            d["action"].AsString,
            d["target"].IsNull ? null : d["target"].AsString))];
}
