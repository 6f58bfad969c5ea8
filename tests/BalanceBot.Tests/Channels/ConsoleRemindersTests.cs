using BalanceBot.Channels.Console;
using BalanceBot.Core;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;
using BalanceBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace BalanceBot.Tests.Channels;

public sealed class ConsoleRemindersTests : IDisposable
{
    private readonly BalanceBotDatabase _database = new(Options.Create(new StorageOptions { Path = BalanceBotDatabase.InMemory }));

    [Fact]
    public async Task The_terminal_chat_prints_its_users_prompts_and_leaves_other_channels_prompts_alone()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var reminders = new LiteDbReminderStore(_database);
        var users = new LiteDbUserStore(_database);
        foreach (var (key, channel) in new[] { ("console:kim", ChannelNames.Console), ("msteams:29:ana", "botframework") })
        {
            await users.SaveAsync(new UserRecord { Key = key, FirstSeenUtc = time.GetUtcNow(), Address = new ConversationAddress(channel, key) }, CancellationToken.None);
            await reminders.SaveAsync(new ReminderSubscription { UserKey = key, Schedule = ReminderSchedule.Default("Europe/London"), NextDueUtc = Instant.FromUtc(2026, 3, 2, 8, 0) }, CancellationToken.None);
        }

        var output = new StringWriter();
        var sweep = new ReminderSweep(reminders, users, new ConsoleProactiveSender(output), DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create()),
            new SafetyContactDirectory(SafetyContactDirectory.BuiltIn, "GB"), time, NullLogger<ReminderSweep>.Instance);

        var summary = await sweep.RunOnceAsync(CancellationToken.None, userKeyPrefix: "console:");

        Assert.Equal(1, summary.Sent);
        Assert.Contains("Time for a short movement break.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("  1. Done", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 8, 0), (await reminders.FindAsync("msteams:29:ana", CancellationToken.None))!.NextDueUtc);
        Assert.NotEqual(Instant.FromUtc(2026, 3, 2, 8, 0), (await reminders.FindAsync("console:kim", CancellationToken.None))!.NextDueUtc);
    }

    public void Dispose() => _database.Dispose();
}
