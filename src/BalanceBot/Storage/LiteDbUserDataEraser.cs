using System.Security.Cryptography;
using BalanceBot.Core.Users;
using LiteDB;

namespace BalanceBot.Storage;

/// <summary>
/// "Forget me" over every collection that can hold a user: their record (profile, preferences, kept check-ups),
/// reminder subscription and stats, the conversation's state, and for Discord users the DM channel and the prompts
/// behind their buttons; in the audit log and on broadcasts they composed, their key becomes an anonymous id. One
/// transaction: either all of it goes, or none.
/// </summary>
internal sealed class LiteDbUserDataEraser(BalanceBotDatabase database, LiteDbUserStore userStore) : IUserDataEraser
{
    public ValueTask<IReadOnlyList<string>> EraseAsync(string userKey, string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        var db = database.Database;
        var deleted = new List<string>();

        // Synchronous on purpose: a LiteDB transaction belongs to its thread, so no await inside it.
        database.InTransaction(() =>
        {
            var users = db.GetCollection("users");
            if (users.FindById(userKey) is { } user)
            {
                var kept = userStore.KeptCheckups(user).Count();
                users.Delete(userKey);
                deleted.Add("your profile: chat id, name, language, time zone and settings");
                if (kept > 0)
                {
                    deleted.Add(kept == 1 ? "1 check-up you chose to keep" : $"{kept} check-ups you chose to keep");
                }
            }

            if (db.GetCollection("reminders").Delete(userKey))
            {
                deleted.Add("your reminder schedule and its stats");
            }

            if (db.GetCollection("outbox").DeleteMany(Query.EQ("user", userKey)) > 0)
            {
                deleted.Add("your copies of wellness-team broadcasts and whether they arrived");
            }

            // What a wellness-team member did stays accountable, but no longer says who they were.
            var anonymous = AnonymousPrefix + RandomNumberGenerator.GetHexString(8, lowercase: true);
            if (Reattribute(db.GetCollection("audit"), "who", userKey, anonymous) + Reattribute(db.GetCollection("broadcasts"), "createdBy", userKey, anonymous) > 0)
            {
                deleted.Add("your name on broadcasts you composed and in the audit log (now an anonymous id)");
            }

            if (db.GetCollection("conversations").Delete(conversationKey))
            {
                deleted.Add("where we were in our conversation");
            }

            if (userKey.StartsWith(ChannelNames.DiscordKeyPrefix, StringComparison.Ordinal))
            {
                var discordId = userKey[ChannelNames.DiscordKeyPrefix.Length..];
                var channel = db.GetCollection("discord_users").Delete(discordId);
                var prompts = db.GetCollection("discord_prompts").DeleteMany(Query.EQ("user", discordId));
                if (channel || prompts > 0)
                {
                    deleted.Add("your Discord DM channel id and the state behind my buttons");
                }
            }

            return deleted.Count;
        });

        return ValueTask.FromResult<IReadOnlyList<string>>(deleted);
    }

    /// <summary>Stands in for a forgotten user's key where a record must stay (the audit log, broadcasts they composed).</summary>
    public const string AnonymousPrefix = "forgotten-user:";

    private static int Reattribute(ILiteCollection<BsonDocument> collection, string field, string userKey, string anonymous)
    {
        var documents = collection.Find(Query.EQ(field, userKey)).ToList();
        foreach (var document in documents)
        {
            document[field] = anonymous;
            collection.Update(document);
        }

        return documents.Count;
    }
}
