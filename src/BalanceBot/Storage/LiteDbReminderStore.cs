using BalanceBot.Core.Reminders;
using LiteDB;
using NodaTime;
using NodaTime.Text;

namespace BalanceBot.Storage;

/// <summary>
/// Reminder subscriptions, one document per user, with an index on <c>nextDue</c> so the sweep reads only what is
/// due (a <c>Query.Between</c>, not a two-sided LINQ range: scheduling-storage.md §4). Field names are persisted.
/// </summary>
internal sealed class LiteDbReminderStore : IReminderStore
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    private readonly BalanceBotDatabase _database;
    // Fetched per use: the database reopens its engine after a storage fault (issue 14 §7).
    private ILiteCollection<BsonDocument> Collection => _database.Database.GetCollection("reminders");

    public LiteDbReminderStore(BalanceBotDatabase database)
    {
        _database = database;
        Collection.EnsureIndex("nextDue");
    }

    public ValueTask<ReminderSubscription?> FindAsync(string userKey, CancellationToken cancellationToken)
    {
        var document = Collection.FindById(userKey);
        return ValueTask.FromResult(document is null ? null : FromDocument(document));
    }

    public ValueTask SaveAsync(ReminderSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        Collection.Upsert(ToDocument(subscription));
        return ValueTask.CompletedTask;
    }

    public IEnumerable<ReminderSubscription> All() => Collection.FindAll().Select(FromDocument);

    public ValueTask DeleteAsync(string userKey, CancellationToken cancellationToken)
    {
        Collection.Delete(userKey);
        return ValueTask.CompletedTask;
    }

    public IReadOnlyList<ReminderSubscription> ClaimDue(Instant now, int pageSize, Func<ReminderSubscription, bool> advance, string? userKeyPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(advance);
        // One explicit transaction, begun and committed on this thread with no await in between (LiteDB binds
        // transactions to the thread: scheduling-storage.md §4.2).
        return _database.InTransaction(() =>
        {
            var dueQuery = Query.Between("nextDue", new BsonValue(DateTime.MinValue.ToUniversalTime()), new BsonValue(now.ToDateTimeUtc()));
            var query = userKeyPrefix is null ? dueQuery : Query.And(dueQuery, Query.StartsWith("_id", userKeyPrefix));
            var due = Collection.Find(query, 0, pageSize).ToList();
            var toSend = new List<ReminderSubscription>(due.Count);
            foreach (var document in due)
            {
                var subscription = FromDocument(document);
                if (advance(subscription))
                {
                    toSend.Add(subscription);
                }

                Collection.Update(ToDocument(subscription));
            }

            return toSend;
        });
    }

    private static BsonDocument ToDocument(ReminderSubscription subscription)
    {
        var schedule = subscription.Schedule;
        var document = new BsonDocument
        {
            ["_id"] = subscription.UserKey,
            ["zone"] = schedule.TimeZoneId,
            ["days"] = new BsonArray(schedule.Days.Order().Select(d => new BsonValue((int)d))),
            ["start"] = TimePattern.Format(schedule.Start),
            ["end"] = TimePattern.Format(schedule.End),
            ["interval"] = schedule.IntervalMinutes,
            ["maxPerDay"] = schedule.MaxPerDay,
            ["daysOff"] = new BsonArray(schedule.DaysOff.Order().Select(d => new BsonValue(DatePattern.Format(d)))),
            ["nextDue"] = subscription.NextDueUtc is { } due ? new BsonValue(due.ToDateTimeUtc()) : BsonValue.Null,
            ["lastPrompt"] = subscription.LastPromptUtc is { } prompted ? new BsonValue(prompted.ToDateTimeUtc()) : BsonValue.Null,
            ["pausedUntil"] = subscription.PausedUntilUtc is { } paused ? new BsonValue(paused.ToDateTimeUtc()) : BsonValue.Null,
            ["unanswered"] = subscription.UnansweredInARow,
            ["backedOffOn"] = subscription.BackedOffOn is { } backedOff ? DatePattern.Format(backedOff) : BsonValue.Null,
            ["unreachable"] = subscription.Unreachable,
            ["lastExercise"] = subscription.LastExerciseId,
            ["focus"] = subscription.FocusArea,
            ["tally"] = Tally(subscription),
        };
        if (schedule.QuietStart is { } quietStart && schedule.QuietEnd is { } quietEnd)
        {
            document["quietStart"] = TimePattern.Format(quietStart);
            document["quietEnd"] = TimePattern.Format(quietEnd);
        }

        return document;
    }

    private static BsonDocument Tally(ReminderSubscription subscription)
    {
        var tally = new BsonDocument();
        foreach (var (date, day) in subscription.Tally)
        {
            tally[DatePattern.Format(date)] = new BsonDocument { ["done"] = day.Done, ["skipped"] = day.Skipped, ["sent"] = day.Sent };
        }

        return tally;
    }

    private static ReminderSubscription FromDocument(BsonDocument document)
    {
        LocalTime Time(string field) => TimePattern.Parse(document[field].AsString).Value;
        LocalTime? OptionalTime(string field) => document.TryGetValue(field, out var value) && value.IsString ? TimePattern.Parse(value.AsString).Value : null;
        Instant? OptionalInstant(string field) => document[field].IsDateTime ? Instant.FromDateTimeUtc(DateTime.SpecifyKind(document[field].AsDateTime, DateTimeKind.Utc)) : null;

        var subscription = new ReminderSubscription
        {
            UserKey = document["_id"].AsString,
            Schedule = new ReminderSchedule
            {
                TimeZoneId = document["zone"].AsString,
                Days = document["days"].AsArray.Select(d => (IsoDayOfWeek)d.AsInt32).ToHashSet(),
                Start = Time("start"),
                End = Time("end"),
                IntervalMinutes = document["interval"].AsInt32,
                MaxPerDay = document["maxPerDay"].AsInt32,
                QuietStart = OptionalTime("quietStart"),
                QuietEnd = OptionalTime("quietEnd"),
                DaysOff = document["daysOff"].AsArray.Select(d => DatePattern.Parse(d.AsString).Value).ToHashSet(),
            },
            NextDueUtc = OptionalInstant("nextDue"),
            PausedUntilUtc = OptionalInstant("pausedUntil"),
            LastPromptUtc = document.TryGetValue("lastPrompt", out _) ? OptionalInstant("lastPrompt") : null,
            UnansweredInARow = document["unanswered"].AsInt32,
            BackedOffOn = document["backedOffOn"].IsString ? DatePattern.Parse(document["backedOffOn"].AsString).Value : null,
            Unreachable = document["unreachable"].AsBoolean,
            LastExerciseId = document["lastExercise"].IsString ? document["lastExercise"].AsString : null,
            FocusArea = document.TryGetValue("focus", out var focus) && focus.IsString ? focus.AsString : null,
        };
        if (document.TryGetValue("tally", out var tally) && tally.IsDocument)
        {
            foreach (var (date, day) in tally.AsDocument)
            {
                subscription.Tally[DatePattern.Parse(date).Value] = new DayTally(day["done"].AsInt32, day["skipped"].AsInt32, day.AsDocument.TryGetValue("sent", out var sent) ? sent.AsInt32 : 0);
            }
        }

        return subscription;
    }
}
