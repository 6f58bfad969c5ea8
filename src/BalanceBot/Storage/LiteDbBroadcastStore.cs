using System.Globalization;
using BalanceBot.Core.Broadcasts;
using LiteDB;
using NodaTime;
using NodaTime.Text;

namespace BalanceBot.Storage;

/// <summary>
/// Broadcasts (<c>broadcasts</c>) and one outbox document per recipient (<c>outbox</c>, id <c>broadcast|user</c>),
/// mapped by hand: field names and state names are persisted. Creation, recovery and cancelling are single
/// transactions, begun and committed on one thread with no await in between (scheduling-storage.md §4.2).
/// </summary>
internal sealed class LiteDbBroadcastStore : IBroadcastStore
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.ExtendedIso;

    private readonly BalanceBotDatabase _database;
    // Fetched per use: the database reopens its engine after a storage fault (issue 14 §7).
    private ILiteCollection<BsonDocument> BroadcastsCollection => _database.Database.GetCollection("broadcasts");
    private ILiteCollection<BsonDocument> OutboxCollection => _database.Database.GetCollection("outbox");

    public LiteDbBroadcastStore(BalanceBotDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        BroadcastsCollection.EnsureIndex("created");
        OutboxCollection.EnsureIndex("state");
        OutboxCollection.EnsureIndex("broadcast");
    }

    public void Create(Broadcast broadcast, IReadOnlyList<OutboxEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        ArgumentNullException.ThrowIfNull(entries);
        _database.InTransaction(() =>
        {
            BroadcastsCollection.Insert(ToDocument(broadcast));
            OutboxCollection.InsertBulk(entries.Select(ToDocument));
            return 0;
        });
    }

    public Broadcast? Find(string broadcastId) => BroadcastsCollection.FindById(broadcastId) is { } document ? FromDocument(document) : null;

    public IReadOnlyList<Broadcast> List(int limit) =>
        [.. BroadcastsCollection.Find(Query.All("created", Query.Descending), 0, limit).Select(FromDocument)];

    public IReadOnlyDictionary<DeliveryState, int> CountByState(string broadcastId) =>
        OutboxCollection.Find(Query.EQ("broadcast", broadcastId))
            .GroupBy(d => Enum.Parse<DeliveryState>(d["state"].AsString))
            .ToDictionary(g => g.Key, g => g.Count());

    public IReadOnlyList<(string UserKey, Instant Due)> SentSince(Instant since) =>
        [.. OutboxCollection.Find(Query.And(Query.EQ("state", nameof(DeliveryState.Sent)), Query.GTE("due", since.ToDateTimeUtc())))
            .Select(d => (d["user"].AsString, Instant.FromDateTimeUtc(d["due"].AsDateTime.ToUniversalTime())))];

    public IReadOnlyList<string> DueChannels(Instant now) =>
        [.. OutboxCollection.Find(DueQuery(now)).Select(d => d["user"].AsString).Select(key => key.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? key[..colon] : key)
            .Distinct(StringComparer.Ordinal)];

    public IReadOnlyList<OutboxEntry> Due(Instant now, int pageSize, string? userKeyPrefix = null)
    {
        var due = DueQuery(now);
        var query = userKeyPrefix is null ? due : Query.And(due, Query.StartsWith("user", userKeyPrefix));
        return [.. OutboxCollection.Find(query, 0, pageSize).Select(FromOutbox)];
    }

    public void Update(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        OutboxCollection.Update(ToDocument(entry));
    }

    public void Update(IReadOnlyCollection<OutboxEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count > 0)
        {
            _database.InTransaction(() => OutboxCollection.Update(entries.Select(ToDocument)));
        }
    }

    public int MarkInFlightUnknown() => _database.InTransaction(() =>
    {
        var inFlight = OutboxCollection.Find(Query.EQ("state", nameof(DeliveryState.Sending))).ToList();
        foreach (var document in inFlight)
        {
            document["state"] = nameof(DeliveryState.Unknown);
            OutboxCollection.Update(document);
        }

        return inFlight.Count;
    });

    public bool MarkReported(string broadcastId) => _database.InTransaction(() =>
    {
        if (BroadcastsCollection.FindById(broadcastId) is not { } broadcast || (broadcast.TryGetValue("reported", out var reported) && reported.AsBoolean))
        {
            return false;
        }

        broadcast["reported"] = true;
        return BroadcastsCollection.Update(broadcast);
    });

    public void SetProgressMessage(string broadcastId, string messageId) => _database.InTransaction(() =>
    {
        if (BroadcastsCollection.FindById(broadcastId) is { } broadcast)
        {
            broadcast["progressMessage"] = messageId;
            BroadcastsCollection.Update(broadcast);
        }

        return 0;
    });

    /// <summary>Retention: deletes copies in a final state that were due before <paramref name="cutoff"/>; queued and sending copies stay.</summary>
    public int DeleteFinishedBefore(Instant cutoff) => _database.InTransaction(() =>
    {
        var finished = OutboxCollection.Find(Query.LT("due", cutoff.ToDateTimeUtc()))
            .Where(d => d["state"].AsString is not (nameof(DeliveryState.Queued) or nameof(DeliveryState.Sending)))
            .Select(d => d["_id"])
            .ToList();
        foreach (var id in finished)
        {
            OutboxCollection.Delete(id);
        }

        return finished.Count;
    });

    public bool CancelIfNotStarted(string broadcastId) => _database.InTransaction(() =>
    {
        if (BroadcastsCollection.FindById(broadcastId) is not { } broadcast)
        {
            return false;
        }

        var entries = OutboxCollection.Find(Query.EQ("broadcast", broadcastId)).ToList();
        if (entries.Any(e => e["state"].AsString is not (nameof(DeliveryState.Queued) or nameof(DeliveryState.Muted) or nameof(DeliveryState.Expired))))
        {
            return false;
        }

        broadcast["cancelled"] = true;
        BroadcastsCollection.Update(broadcast);
        foreach (var entry in entries.Where(e => e["state"].AsString == nameof(DeliveryState.Queued)))
        {
            entry["state"] = nameof(DeliveryState.Cancelled);
            OutboxCollection.Update(entry);
        }

        return true;
    });

    private static BsonExpression DueQuery(Instant now) =>
        Query.And(Query.EQ("state", nameof(DeliveryState.Queued)), Query.LTE("due", now.ToDateTimeUtc()));

    private static BsonDocument ToDocument(OutboxEntry entry) => new()
    {
        ["_id"] = entry.Id,
        ["broadcast"] = entry.BroadcastId,
        ["user"] = entry.UserKey,
        ["state"] = entry.State.ToString(),
        ["due"] = entry.DueUtc.ToDateTimeUtc(),
        ["expires"] = entry.ExpiresUtc is { } expires ? expires.ToDateTimeUtc() : BsonValue.Null,
        ["attempts"] = entry.Attempts,
    };

    private static OutboxEntry FromOutbox(BsonDocument document) => new()
    {
        BroadcastId = document["broadcast"].AsString,
        UserKey = document["user"].AsString,
        State = Enum.Parse<DeliveryState>(document["state"].AsString),
        DueUtc = Instant.FromDateTimeUtc(document["due"].AsDateTime.ToUniversalTime()),
        ExpiresUtc = document["expires"].IsNull ? null : Instant.FromDateTimeUtc(document["expires"].AsDateTime.ToUniversalTime()),
        Attempts = document["attempts"].AsInt32,
    };

    private static BsonDocument ToDocument(Broadcast broadcast)
    {
        var timing = broadcast.Timing;
        return new BsonDocument
        {
            ["_id"] = broadcast.Id,
            ["text"] = broadcast.Text,
            ["exercise"] = broadcast.ExerciseId,
            ["audience"] = new BsonDocument
            {
                ["channel"] = broadcast.Audience.Channel,
                ["tags"] = new BsonArray(broadcast.Audience.Tags.Select(t => new BsonValue(t))),
                ["zones"] = new BsonArray(broadcast.Audience.TimeZones.Select(z => new BsonValue(z))),
            },
            ["timing"] = new BsonDocument
            {
                ["kind"] = timing.Kind.ToString(),
                ["at"] = timing.AtUtc is { } at ? at.ToDateTimeUtc() : BsonValue.Null,
                ["date"] = timing.Date is { } date ? DatePattern.Format(date) : BsonValue.Null,
                ["time"] = timing.Time is { } time ? TimePattern.Format(time) : BsonValue.Null,
                ["notAfter"] = timing.NotAfter is { } notAfter ? TimePattern.Format(notAfter) : BsonValue.Null,
            },
            ["createdBy"] = broadcast.CreatedBy,
            ["created"] = broadcast.CreatedUtc.ToDateTimeUtc(),
            ["cancelled"] = broadcast.Cancelled,
            ["campaign"] = broadcast.CampaignId,
            ["campaignName"] = broadcast.CampaignName,
            ["reported"] = broadcast.Reported,
            ["progressMessage"] = broadcast.ProgressMessageId,
        };
    }

    private static Broadcast FromDocument(BsonDocument document)
    {
        var audience = document["audience"].AsDocument;
        var timing = document["timing"].AsDocument;
        return new Broadcast
        {
            Id = document["_id"].AsString,
            Text = document["text"].AsString,
            ExerciseId = document["exercise"].IsNull ? null : document["exercise"].AsString,
            Audience = new BroadcastAudience(
                audience["channel"].IsNull ? null : audience["channel"].AsString,
                [.. audience["tags"].AsArray.Select(t => t.AsString)],
                [.. audience["zones"].AsArray.Select(z => z.AsString)]),
            Timing = new BroadcastTiming(
                Enum.Parse<BroadcastTimingKind>(timing["kind"].AsString),
                timing["at"].IsNull ? null : Instant.FromDateTimeUtc(timing["at"].AsDateTime.ToUniversalTime()),
                timing["date"].IsNull ? null : DatePattern.Parse(timing["date"].AsString).Value,
                timing["time"].IsNull ? null : TimePattern.Parse(timing["time"].AsString).Value,
                timing["notAfter"].IsNull ? null : TimePattern.Parse(timing["notAfter"].AsString).Value),
            CreatedBy = document["createdBy"].AsString,
            CreatedUtc = Instant.FromDateTimeUtc(document["created"].AsDateTime.ToUniversalTime()),
            Cancelled = document["cancelled"].AsBoolean,
            CampaignId = document.TryGetValue("campaign", out var campaign) && campaign.IsString ? campaign.AsString : null,
            CampaignName = document.TryGetValue("campaignName", out var name) && name.IsString ? name.AsString : null,
            Reported = document.TryGetValue("reported", out var reported) && reported.AsBoolean,
            ProgressMessageId = document.TryGetValue("progressMessage", out var progress) && progress.IsString ? progress.AsString : null,
        };
    }
}
