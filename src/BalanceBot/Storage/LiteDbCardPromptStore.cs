using System.Security.Cryptography;
using LiteDB;

namespace BalanceBot.Storage;

/// <summary>
/// The Bot Framework twin of Discord's prompts (issue 13): every Adaptive Card with choices is saved here first and its
/// submit data names the saved id, because Teams and Web Chat keep old cards clickable and a bare choice id would
/// answer whatever question is open now. Mapped by hand: field names are persisted.
/// </summary>
internal sealed class LiteDbCardPromptStore : ICardPromptStore
{
    /// <summary>How long a card's buttons stay answerable; a reminder card from yesterday is of no use.</summary>
    public static readonly TimeSpan PromptLifetime = TimeSpan.FromHours(24);

    private readonly BalanceBotDatabase _database;

    // Fetched per use: the database reopens its engine after a storage fault (issue 14 §7).
    private ILiteCollection<BsonDocument> PromptsCollection => _database.Database.GetCollection("card_prompts");
    private ILiteCollection<BsonDocument> UsersCollection => _database.Database.GetCollection("card_users");
    private readonly TimeProvider _time;

    // LiteDB has no compare-and-set; one lock makes a double press claim once.
    private readonly Lock _claim = new();
    private DateTimeOffset _lastPruned = DateTimeOffset.MinValue;

    public LiteDbCardPromptStore(BalanceBotDatabase database, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _time = time;
        PromptsCollection.EnsureIndex("expires");
    }

    /// <summary>
    /// Saves a card's choices for <paramref name="userKey"/> and returns the id its submit data carries. A dialog
    /// question also becomes the user's current one, retiring the cards of every question before it.
    /// </summary>
    public string Issue(string userKey, IReadOnlyList<string> choiceIds, bool isQuestion)
    {
        var now = _time.GetUtcNow();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        lock (_claim)
        {
            if (now - _lastPruned > TimeSpan.FromMinutes(1))
            {
                _lastPruned = now;
                PromptsCollection.DeleteMany(Query.LT("expires", now.UtcDateTime));
            }

            PromptsCollection.Insert(new BsonDocument
            {
                ["_id"] = id,
                ["user"] = userKey,
                ["choices"] = new BsonArray(choiceIds.Select(c => new BsonValue(c))),
                ["question"] = isQuestion,
                ["expires"] = (now + PromptLifetime).UtcDateTime,
                ["used"] = false,
            });
            if (isQuestion)
            {
                UsersCollection.Upsert(new BsonDocument { ["_id"] = userKey, ["question"] = id });
            }
        }

        return id;
    }

    /// <summary>
    /// Claims the press when the prompt exists, is this user's, unexpired, unanswered, still the open question and
    /// offered <paramref name="choiceId"/>; otherwise why not (an id for the log, never shown to the user).
    /// </summary>
    public string? TryClaim(string? promptId, string userKey, string? choiceId)
    {
        if (promptId is null || choiceId is null)
        {
            return "missing prompt or choice";
        }

        lock (_claim)
        {
            var prompt = PromptsCollection.FindById(promptId);
            var openQuestion = UsersCollection.FindById(userKey)?["question"] is { IsString: true } open ? open.AsString : null;
            var reason = prompt switch
            {
                null => "unknown or expired prompt",
                _ when prompt["user"].AsString != userKey => "another user's prompt",
                _ when prompt["expires"].AsDateTime.ToUniversalTime() < _time.GetUtcNow().UtcDateTime => "expired prompt",
                _ when prompt["used"].AsBoolean => "prompt already answered",
                _ when prompt["question"].AsBoolean && openQuestion != promptId => "question no longer open",
                _ when !prompt["choices"].AsArray.Any(c => c.AsString == choiceId) => "choice not offered on this card",
                _ => null,
            };
            if (reason is null)
            {
                prompt!["used"] = true;
                PromptsCollection.Update(prompt);
            }

            return reason;
        }
    }
}
