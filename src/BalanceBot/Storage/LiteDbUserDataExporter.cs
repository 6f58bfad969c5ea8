using System.Globalization;
using System.Text.Json.Nodes;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Users;
using LiteDB;

namespace BalanceBot.Storage;

/// <summary>
/// "Export my data": every document about one user, from the same collections "forget me" erases. The profile is
/// read through its store (so protected fields come out readable); the rest are the stored documents as they are,
/// in LiteDB's JSON (dates as <c>{"$date": …}</c>).
/// </summary>
internal sealed class LiteDbUserDataExporter(BalanceBotDatabase database, IUserStore users, TimeProvider time)
{
    public async Task<JsonObject> ExportAsync(string userKey, string conversationKey, CancellationToken cancellationToken)
    {
        var db = database.Database;
        var export = new JsonObject
        {
            ["about"] = "Everything BalanceBot keeps about you. Type \"forget me\" in the chat to delete it.",
            ["exportedUtc"] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["profile"] = await users.FindAsync(userKey, cancellationToken).ConfigureAwait(false) is { } user ? Profile(user) : null,
            ["reminders"] = Raw(db.GetCollection("reminders").FindById(userKey)),
            ["conversation"] = Raw(db.GetCollection("conversations").FindById(conversationKey)),
            ["broadcastCopies"] = RawArray(db.GetCollection("outbox").Find(Query.EQ("user", userKey))),
        };
        if (userKey.StartsWith(ChannelNames.DiscordKeyPrefix, StringComparison.Ordinal))
        {
            var discordId = userKey[ChannelNames.DiscordKeyPrefix.Length..];
            export["discord"] = new JsonObject
            {
                ["user"] = Raw(db.GetCollection("discord_users").FindById(discordId)),
                ["buttonPrompts"] = RawArray(db.GetCollection("discord_prompts").Find(Query.EQ("user", discordId))),
            };
        }

        return export;
    }

    private static JsonObject Profile(UserRecord user) => new()
    {
        ["key"] = user.Key,
        ["displayName"] = user.DisplayName,
        ["locale"] = user.Locale,
        ["timeZone"] = user.TimeZone,
        ["firstSeenUtc"] = user.FirstSeenUtc.ToString("O", CultureInfo.InvariantCulture),
        ["preferences"] = new JsonObject(user.Preferences.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        ["keptCheckups"] = new JsonArray([.. user.CheckupHistory.Select(c => (JsonNode)new JsonObject
        {
            ["area"] = c.Area,
            ["level"] = TriageLevels.Name(c.Level),
            ["date"] = c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })]),
        ["checkupStartDates"] = new JsonArray([.. user.CheckupStarts.Select(d => (JsonNode)d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]),
        ["address"] = user.Address is { } address ? new JsonObject { ["channel"] = address.Channel, ["reference"] = address.Payload } : null,
    };

    private static JsonNode? Raw(BsonDocument? document) => document is null ? null : JsonNode.Parse(LiteDB.JsonSerializer.Serialize(document));

    private static JsonArray RawArray(IEnumerable<BsonDocument> documents) => new([.. documents.Select(Raw)]);
}
