using BalanceBot.Core.Users;
using LiteDB;

namespace BalanceBot.Storage;

/// <summary>User records, one document per channel-qualified user key, mapped by hand (field names are persisted).</summary>
internal sealed class LiteDbUserStore(BalanceBotDatabase database) : IUserStore
{
    private readonly ILiteCollection<BsonDocument> _collection = database.Database.GetCollection("users");

    public ValueTask<UserRecord?> FindAsync(string userKey, CancellationToken cancellationToken)
    {
        var document = _collection.FindById(userKey);
        return ValueTask.FromResult(document is null ? null : FromDocument(document));
    }

    public ValueTask SaveAsync(UserRecord user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        _collection.Upsert(ToDocument(user));
        return ValueTask.CompletedTask;
    }

    private static BsonDocument ToDocument(UserRecord user)
    {
        var preferences = new BsonDocument();
        foreach (var (name, value) in user.Preferences)
        {
            preferences[name] = value;
        }

        var document = new BsonDocument
        {
            ["_id"] = user.Key,
            ["displayName"] = user.DisplayName,
            ["locale"] = user.Locale,
            ["timeZone"] = user.TimeZone,
            ["preferences"] = preferences,
            ["firstSeen"] = user.FirstSeenUtc.UtcDateTime,
        };
        if (user.Address is { } address)
        {
            document["address"] = new BsonDocument { ["channel"] = address.Channel, ["payload"] = address.Payload };
        }

        return document;
    }

    private static UserRecord FromDocument(BsonDocument document)
    {
        var user = new UserRecord
        {
            Key = document["_id"].AsString,
            DisplayName = NullableString(document["displayName"]),
            Locale = NullableString(document["locale"]),
            TimeZone = NullableString(document["timeZone"]),
            FirstSeenUtc = new DateTimeOffset(document["firstSeen"].AsDateTime.ToUniversalTime(), TimeSpan.Zero),
        };
        if (document.TryGetValue("address", out var address) && address.IsDocument)
        {
            user.Address = new ConversationAddress(address["channel"].AsString, address["payload"].AsString);
        }

        foreach (var (name, value) in document["preferences"].AsDocument)
        {
            user.Preferences[name] = value.AsString;
        }

        return user;
    }

    private static string? NullableString(BsonValue value) => value.IsNull ? null : value.AsString;
}
