using System.Text;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Users;
using BalanceBot.Storage;
using LiteDB;
using Microsoft.Extensions.Options;

namespace BalanceBot.Tests.Storage;

/// <summary>
/// Issue 8: kept check-ups, conversation references and a dialog's answers are encrypted with Data Protection, keys
/// in an owner-only folder: the database file alone shows none of them.
/// </summary>
public sealed class EncryptionAtRestTests : IDisposable
{
    private const string UserKey = "msteams:29:encrypted-user";
    private const string Reference = """{"serviceUrl":"https://smba.example/","conversation":{"id":"a:Zanzibar-conversation"}}""";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "balancebot-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "data", "bot.db");

    private string KeysPath => Path.Combine(_folder, "keys");

    private BalanceBotDatabase Open() => new(Options.Create(new StorageOptions { Path = DatabasePath, KeysPath = KeysPath }));

    [Fact]
    public async Task Sensitive_fields_never_reach_the_file_in_clear_and_read_back_with_the_keys()
    {
        using (var database = Open())
        {
            await SeedAsync(database);
            var raw = database.Database.GetCollection("users").FindById(UserKey);
            Assert.StartsWith("dp1:", raw["checkups"].AsString, StringComparison.Ordinal);
            Assert.StartsWith("dp1:", raw["address"]["payload"].AsString, StringComparison.Ordinal);
            database.Checkpoint();
        }

        var onDisk = Directory.GetFiles(Path.GetDirectoryName(DatabasePath)!).Select(File.ReadAllBytes).Select(Encoding.UTF8.GetString).ToList();
        foreach (var secret in new[] { "wrist_hand", "gp_soon", "Zanzibar", "Wombat-7" })
        {
            Assert.DoesNotContain(onDisk, content => content.Contains(secret, StringComparison.Ordinal));
        }

        Assert.Contains(onDisk, content => content.Contains("encrypted-user", StringComparison.Ordinal)); // the key itself stays findable

        using var reopened = Open();
        var user = (await new LiteDbUserStore(reopened).FindAsync(UserKey, CancellationToken.None))!;
        Assert.Equal(("wrist_hand", TriageLevel.GpSoon), (user.CheckupHistory.Single().Area, user.CheckupHistory.Single().Level));
        Assert.Equal(Reference, user.Address!.Payload);
        Assert.Equal("Wombat-7", (await new LiteDbConversationStateStore(reopened).LoadAsync("msteams:a:encrypted", CancellationToken.None))!.Stack[0].Values["pain"]);
    }

    [Fact]
    public async Task Without_the_key_ring_the_fields_read_as_absent_and_nothing_fails()
    {
        using (var database = Open())
        {
            await SeedAsync(database);
        }

        Directory.Delete(KeysPath, recursive: true);
        using var reopened = Open();

        var user = (await new LiteDbUserStore(reopened).FindAsync(UserKey, CancellationToken.None))!;
        Assert.Empty(user.CheckupHistory);
        Assert.Null(user.Address);
        Assert.Empty((await new LiteDbConversationStateStore(reopened).LoadAsync("msteams:a:encrypted", CancellationToken.None))!.Stack[0].Values);
    }

    [Fact]
    public async Task Records_written_before_encryption_are_still_read()
    {
        using var database = Open();
        database.Database.GetCollection("users").Insert(new BsonDocument
        {
            ["_id"] = UserKey,
            ["displayName"] = BsonValue.Null,
            ["locale"] = BsonValue.Null,
            ["timeZone"] = BsonValue.Null,
            ["preferences"] = new BsonDocument(),
            ["firstSeen"] = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            ["checkups"] = new BsonArray { new BsonDocument { ["area"] = "neck", ["level"] = "self_care", ["date"] = "2026-01-02" } },
            ["address"] = new BsonDocument { ["channel"] = "botframework", ["payload"] = Reference },
        });

        var user = (await new LiteDbUserStore(database).FindAsync(UserKey, CancellationToken.None))!;

        Assert.Equal("neck", user.CheckupHistory.Single().Area);
        Assert.Equal(Reference, user.Address!.Payload);
    }

    [Fact]
    public void The_data_and_key_folders_are_readable_by_the_owner_only()
    {
        using var database = Open();

        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            Assert.Equal(ownerOnly, File.GetUnixFileMode(Path.GetDirectoryName(DatabasePath)!));
            Assert.Equal(ownerOnly, File.GetUnixFileMode(KeysPath));
        }
    }

    private static async Task SeedAsync(BalanceBotDatabase database)
    {
        var user = new UserRecord { Key = UserKey, FirstSeenUtc = DateTimeOffset.UnixEpoch, Address = new ConversationAddress("botframework", Reference) };
        user.CheckupHistory.Add(new CheckupRecord("wrist_hand", TriageLevel.GpSoon, new DateOnly(2026, 3, 1)));
        await new LiteDbUserStore(database).SaveAsync(user, CancellationToken.None);
        var state = new ConversationState { Key = "msteams:a:encrypted" };
        state.Stack.Add(new DialogFrame { DialogId = "checkup", StepId = "pain", Values = { ["pain"] = "Wombat-7" } });
        await new LiteDbConversationStateStore(database).SaveAsync(state, CancellationToken.None);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
