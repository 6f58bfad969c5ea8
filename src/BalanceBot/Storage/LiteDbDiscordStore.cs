using BalanceBot.Core.Conversations;
using LiteDB;

namespace BalanceBot.Storage;

/// <summary>
/// Discord's server-side state: the prompts behind buttons (<c>discord_prompts</c>) and, per user, the DM channel
/// and the dialog question asked last (<c>discord_users</c>). Mapped by hand: field names are persisted.
/// </summary>
internal sealed class LiteDbDiscordStore : IDiscordStateStore
{
    private readonly BalanceBotDatabase _database;

    // Fetched per use: the database reopens its engine after a storage fault (issue 14 §7).
    private ILiteCollection<BsonDocument> PromptsCollection => _database.Database.GetCollection("discord_prompts");
    private ILiteCollection<BsonDocument> UsersCollection => _database.Database.GetCollection("discord_users");

    // LiteDB has no compare-and-set; claims are rare and fast, so one lock makes a double click claim once.
    private readonly Lock _claim = new();
    private DateTimeOffset _lastPruned = DateTimeOffset.MinValue;

    public LiteDbDiscordStore(BalanceBotDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;

        // Both collections are created here, once, rather than by whichever of many concurrent sends comes first.
        PromptsCollection.EnsureIndex("expires");
        UsersCollection.EnsureIndex("dmChannel");
    }

    /// <summary>Saves the prompt; a dialog question also becomes the user's current one, retiring the one before.</summary>
    public void SavePrompt(DiscordPrompt prompt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (now - _lastPruned > TimeSpan.FromMinutes(1))
        {
            // Expired prompts go at most once a minute: a DM burst should not pay a delete per message.
            _lastPruned = now;
            PromptsCollection.DeleteMany(Query.LT("expires", now.UtcDateTime));
        }

        PromptsCollection.Insert(new BsonDocument
        {
            ["_id"] = prompt.Id,
            ["user"] = prompt.UserId,
            ["choices"] = new BsonArray(prompt.ChoiceIds.Select(c => new BsonValue(c))),
            ["ask"] = prompt.Ask is { } ask ? ask.ToString() : BsonValue.Null,
            ["hint"] = prompt.Hint,
            ["created"] = prompt.CreatedUtc.UtcDateTime,
            ["expires"] = prompt.ExpiresUtc.UtcDateTime,
            ["used"] = prompt.Used,
        });
        if (prompt.Ask is not null)
        {
            UpdateUser(prompt.UserId, user => user["question"] = prompt.Id);
        }
    }

    public DiscordPrompt? FindPrompt(string id)
    {
        var document = PromptsCollection.FindById(id);
        return document is null ? null : new DiscordPrompt(
            document["_id"].AsString,
            document["user"].AsString,
            [.. document["choices"].AsArray.Select(c => c.AsString)],
            document["ask"].IsNull ? null : Enum.Parse<AskKind>(document["ask"].AsString),
            document["hint"].AsString,
            new DateTimeOffset(document["created"].AsDateTime.ToUniversalTime(), TimeSpan.Zero),
            new DateTimeOffset(document["expires"].AsDateTime.ToUniversalTime(), TimeSpan.Zero),
            document["used"].AsBoolean);
    }

    /// <summary>Marks the prompt answered; false when it already was (a double click, or a second tab).</summary>
    public bool TryClaim(string promptId)
    {
        lock (_claim)
        {
            var document = PromptsCollection.FindById(promptId);
            if (document is null || document["used"].AsBoolean)
            {
                return false;
            }

            document["used"] = true;
            return PromptsCollection.Update(document);
        }
    }

    /// <summary>The id of the dialog question the user was asked last, the only one whose buttons still answer.</summary>
    public string? CurrentQuestion(string userId) => UsersCollection.FindById(userId)?["question"] is { IsString: true } id ? id.AsString : null;

    public string? DmChannel(string userId) => UsersCollection.FindById(userId)?["dmChannel"] is { IsString: true } id ? id.AsString : null;

    public void SetDmChannel(string userId, string? channelId) =>
        UpdateUser(userId, user => user["dmChannel"] = channelId is null ? BsonValue.Null : channelId);

    private void UpdateUser(string userId, Action<BsonDocument> change)
    {
        lock (_claim)
        {
            var user = UsersCollection.FindById(userId) ?? new BsonDocument { ["_id"] = userId };
            change(user);
            UsersCollection.Upsert(user);
        }
    }
}
