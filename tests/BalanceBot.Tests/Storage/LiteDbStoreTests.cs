using BalanceBot.Core.Conversations;
using BalanceBot.Core.Users;
using BalanceBot.Storage;
using Microsoft.Extensions.Options;

namespace BalanceBot.Tests.Storage;

public sealed class LiteDbStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "balancebot-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "bot.db");

    private BalanceBotDatabase Open() => new(Options.Create(new StorageOptions { Path = DatabasePath }));

    [Fact]
    public async Task Conversation_state_survives_closing_and_reopening_the_file()
    {
        var saved = new ConversationState { Key = "msteams:a:1", Welcomed = true, UpdatedUtc = new DateTimeOffset(2026, 3, 2, 9, 15, 30, TimeSpan.Zero) };
        saved.Stack.Add(new DialogFrame { DialogId = "menu", StepId = "pick", Attempts = 2 });
        saved.Stack.Add(new DialogFrame { DialogId = "settings", StepId = "ask_start", Values = { ["name"] = "  Sam  ", ["empty"] = string.Empty } });
        saved.RememberActivity("x1");
        saved.RememberActivity("x2");
        using (var database = Open())
        {
            await new LiteDbConversationStateStore(database).SaveAsync(saved, CancellationToken.None);
        }

        using var reopened = Open();
        var loaded = await new LiteDbConversationStateStore(reopened).LoadAsync("msteams:a:1", CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.True(loaded.Welcomed);
        Assert.Equal(saved.UpdatedUtc, loaded.UpdatedUtc);
        Assert.Equal(["x1", "x2"], loaded.RecentActivityIds);
        Assert.Equal(["menu", "settings"], loaded.Stack.Select(f => f.DialogId));
        Assert.Equal(2, loaded.Stack[0].Attempts);
        Assert.Equal("ask_start", loaded.Stack[1].StepId);
        Assert.Equal("  Sam  ", loaded.Stack[1].Values["name"]);
        Assert.Equal(string.Empty, loaded.Stack[1].Values["empty"]);
    }

    [Fact]
    public async Task Keys_that_differ_only_in_case_are_kept_apart()
    {
        using var database = Open();
        var store = new LiteDbConversationStateStore(database);

        await store.SaveAsync(new ConversationState { Key = "msteams:a:1AbC", Welcomed = true }, CancellationToken.None);
        await store.SaveAsync(new ConversationState { Key = "msteams:a:1abc", Welcomed = false }, CancellationToken.None);

        Assert.True((await store.LoadAsync("msteams:a:1AbC", CancellationToken.None))!.Welcomed);
        Assert.False((await store.LoadAsync("msteams:a:1abc", CancellationToken.None))!.Welcomed);
        Assert.Null(await store.LoadAsync("msteams:a:1ABC", CancellationToken.None));
    }

    [Fact]
    public async Task A_user_record_round_trips_with_address_and_preferences()
    {
        using var database = Open();
        var store = new LiteDbUserStore(database);
        var user = new UserRecord
        {
            Key = "msteams:29:x",
            DisplayName = "Ana",
            Locale = "en-GB",
            TimeZone = "Europe/London",
            Address = new ConversationAddress("botframework", """{"conversation":{"id":"a:1"}}"""),
            FirstSeenUtc = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero),
            Preferences = { [PreferenceNames.PreferredName] = "Ana B." },
        };

        await store.SaveAsync(user, CancellationToken.None);
        var loaded = await store.FindAsync("msteams:29:x", CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal(user.Address, loaded.Address);
        Assert.Equal("Ana B.", loaded.Preferences[PreferenceNames.PreferredName]);
        Assert.Equal(user.FirstSeenUtc, loaded.FirstSeenUtc);
        Assert.Equal(("Ana", "en-GB", "Europe/London"), (loaded.DisplayName, loaded.Locale, loaded.TimeZone));
        Assert.Null(await store.FindAsync("msteams:29:X", CancellationToken.None));
    }

    [Fact]
    public void The_data_folder_is_created_readable_by_its_owner_only()
    {
        using var database = Open();

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_folder));
        }
    }

    [Fact]
    public void A_database_already_open_elsewhere_fails_with_a_message_naming_the_setting()
    {
        using var first = Open();

        var failure = Assert.Throws<StorageUnavailableException>(Open);

        Assert.Contains(DatabasePath, failure.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Path", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
