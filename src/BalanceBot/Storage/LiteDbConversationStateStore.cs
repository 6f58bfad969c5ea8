using BalanceBot.Core.Conversations;
using LiteDB;

namespace BalanceBot.Storage;

/// <summary>
/// Conversation state as one document per conversation, mapped by hand so the stored shape is explicit and stable
/// (field names are persisted: renaming one is a migration). One upsert is one atomic write. The answers a dialog
/// has collected so far (health answers during a check-up) are encrypted (<see cref="FieldProtection"/>).
/// </summary>
internal sealed class LiteDbConversationStateStore(BalanceBotDatabase database) : IConversationStateStore
{
    // Fetched per use: the database reopens its engine after a storage fault (issue 14 §7).
    private ILiteCollection<BsonDocument> Collection => database.Database.GetCollection("conversations");
    private readonly FieldProtection _protection = database.Protection;

    public ValueTask<ConversationState?> LoadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var document = Collection.FindById(conversationKey);
        return ValueTask.FromResult(document is null ? null : FromDocument(document));
    }

    public ValueTask SaveAsync(ConversationState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        Collection.Upsert(ToDocument(state));
        return ValueTask.CompletedTask;
    }

    private BsonDocument ToDocument(ConversationState state)
    {
        var stack = new BsonArray();
        foreach (var frame in state.Stack)
        {
            var values = new BsonDocument();
            foreach (var (name, value) in frame.Values)
            {
                values[name] = value;
            }

            stack.Add(new BsonDocument
            {
                ["dialog"] = frame.DialogId,
                ["step"] = frame.StepId,
                ["attempts"] = frame.Attempts,
                ["values"] = values.Count == 0 ? values : (BsonValue)_protection.Protect(LiteDB.JsonSerializer.Serialize(values)),
            });
        }

        return new BsonDocument
        {
            ["_id"] = state.Key,
            ["welcomed"] = state.Welcomed,
            ["lastExercise"] = state.LastExerciseId,
            ["stack"] = stack,
            ["recent"] = new BsonArray(state.RecentActivityIds.Select(id => new BsonValue(id))),
            ["updated"] = state.UpdatedUtc.UtcDateTime,
        };
    }

    private ConversationState FromDocument(BsonDocument document)
    {
        var state = new ConversationState
        {
            Key = document["_id"].AsString,
            Welcomed = document["welcomed"].AsBoolean,
            LastExerciseId = document.TryGetValue("lastExercise", out var last) && last.IsString ? last.AsString : null,
            UpdatedUtc = new DateTimeOffset(document["updated"].AsDateTime.ToUniversalTime(), TimeSpan.Zero),
        };
        state.RecentActivityIds.AddRange(document["recent"].AsArray.Select(v => v.AsString));
        foreach (var item in document["stack"].AsArray)
        {
            var frame = item.AsDocument;
            var restored = new DialogFrame
            {
                DialogId = frame["dialog"].AsString,
                StepId = frame["step"].AsString,
                Attempts = frame["attempts"].AsInt32,
            };
            foreach (var (name, value) in Values(frame["values"]))
            {
                restored.Values[name] = value.AsString;
            }

            state.Stack.Add(restored);
        }

        return state;
    }

    /// <summary>A frame's saved answers: decrypted, or as stored before protection; none if they cannot be read.</summary>
    private BsonDocument Values(BsonValue stored) =>
        stored.IsString && _protection.Unprotect(stored.AsString) is { } json ? LiteDB.JsonSerializer.Deserialize(json).AsDocument
        : stored.IsDocument ? stored.AsDocument
        : [];
}
