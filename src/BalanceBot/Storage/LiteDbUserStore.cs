using System.Globalization;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Users;
using LiteDB;

namespace BalanceBot.Storage;

/// <summary>
/// User records, one document per channel-qualified user key, mapped by hand (field names are persisted). Kept
/// check-ups and the conversation reference are encrypted (<see cref="FieldProtection"/>); a value that can no longer
/// be decrypted reads as absent: no history, and no address until the user writes again.
/// </summary>
internal sealed class LiteDbUserStore(BalanceBotDatabase database) : IUserStore
{
    // Fetched per use: the database reopens its engine after a storage fault (issue 14 §7).
    private ILiteCollection<BsonDocument> Collection => database.Database.GetCollection("users");
    private readonly FieldProtection _protection = database.Protection;

    public ValueTask<UserRecord?> FindAsync(string userKey, CancellationToken cancellationToken)
    {
        var document = Collection.FindById(userKey);
        return ValueTask.FromResult(document is null ? null : FromDocument(document));
    }

    public ValueTask SaveAsync(UserRecord user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        Collection.Upsert(ToDocument(user));
        return ValueTask.CompletedTask;
    }

    public IEnumerable<UserRecord> All() => Collection.FindAll().Select(FromDocument);

    /// <summary>
    /// Retention: drops kept check-ups and check-up start dates from before <paramref name="cutoff"/>. Each user is
    /// read again and written in one transaction, so a turn saving the same user meanwhile is not overwritten.
    /// </summary>
    /// <returns>How many users had something dropped.</returns>
    public int ForgetHistoryBefore(DateOnly cutoff)
    {
        var stale = All().Where(u => u.CheckupHistory.Any(c => c.Date < cutoff) || u.CheckupStarts.Any(d => d < cutoff)).Select(u => u.Key).ToList();
        foreach (var key in stale)
        {
            database.InTransaction(() =>
            {
                if (Collection.FindById(key) is not { } document)
                {
                    return false;
                }

                var user = FromDocument(document);
                user.CheckupHistory.RemoveAll(c => c.Date < cutoff);
                user.CheckupStarts.RemoveAll(d => d < cutoff);
                return Collection.Update(ToDocument(user));
            });
        }

        return stale.Count;
    }

    private BsonDocument ToDocument(UserRecord user)
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
            ["checkups"] = user.CheckupHistory.Count == 0 ? new BsonArray() : (BsonValue)_protection.Protect(LiteDB.JsonSerializer.Serialize(new BsonArray(user.CheckupHistory.Select(c => new BsonDocument
            {
                ["area"] = c.Area,
                ["level"] = TriageLevels.Name(c.Level),
                ["date"] = c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            })))),
            ["checkupStarts"] = new BsonArray(user.CheckupStarts.Select(d => new BsonValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))),
        };
        if (user.Address is { } address)
        {
            document["address"] = new BsonDocument { ["channel"] = address.Channel, ["payload"] = _protection.Protect(address.Payload) };
        }

        return document;
    }

    private UserRecord FromDocument(BsonDocument document)
    {
        var user = new UserRecord
        {
            Key = document["_id"].AsString,
            DisplayName = NullableString(document["displayName"]),
            Locale = NullableString(document["locale"]),
            TimeZone = NullableString(document["timeZone"]),
            FirstSeenUtc = new DateTimeOffset(document["firstSeen"].AsDateTime.ToUniversalTime(), TimeSpan.Zero),
        };
        if (document.TryGetValue("address", out var address) && address.IsDocument && _protection.UnprotectRemembered(address["payload"].AsString) is { } payload)
        {
            user.Address = new ConversationAddress(address["channel"].AsString, payload);
        }

        foreach (var (name, value) in document["preferences"].AsDocument)
        {
            user.Preferences[name] = value.AsString;
        }

        foreach (var checkup in KeptCheckups(document))
        {
            if (TriageLevels.TryParse(checkup["level"].AsString, out var level))
            {
                user.CheckupHistory.Add(new CheckupRecord(checkup["area"].AsString, level, DateOnly.ParseExact(checkup["date"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }

        if (document.TryGetValue("checkupStarts", out var starts) && starts.IsArray)
        {
            user.CheckupStarts.AddRange(starts.AsArray.Select(d => DateOnly.ParseExact(d.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return user;
    }

    /// <summary>The kept check-ups of a stored user: decrypted, or as stored before protection; none if unreadable.</summary>
    public IEnumerable<BsonDocument> KeptCheckups(BsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var stored = document.TryGetValue("checkups", out var checkups) ? checkups : BsonValue.Null;
        var array = stored.IsString && _protection.Unprotect(stored.AsString) is { } json ? LiteDB.JsonSerializer.Deserialize(json) : stored;
        return array.IsArray ? array.AsArray.Where(c => c.IsDocument).Select(c => c.AsDocument) : [];
    }

    private static string? NullableString(BsonValue value) => value.IsNull ? null : value.AsString;
}
