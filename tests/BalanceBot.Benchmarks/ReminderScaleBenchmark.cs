using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BalanceBot.Channels;
using BalanceBot.Channels.BotFramework;
using BalanceBot.Core;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;
using BalanceBot.Storage;
using BalanceBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace BalanceBot.Benchmarks;

/// <summary>
/// Issue 4's scale benchmark: N users with varied schedules across 16 zones in LiteDB. Reports the time from opening
/// the database to the first sweep, memory after sweeping, one sweep's cost when nothing is due, and how long 10,000
/// prompts due in the same minute take to be claimed and handed to a sink (no pacing).
/// </summary>
internal static class ReminderScaleBenchmark
{
    private static readonly string[] Zones =
    [
        "Europe/London", "Europe/Berlin", "Europe/Helsinki", "America/New_York", "America/Chicago", "America/Denver",
        "America/Los_Angeles", "America/Sao_Paulo", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Singapore", "Asia/Tokyo",
        "Australia/Sydney", "Pacific/Auckland", "Africa/Johannesburg", "Asia/Dubai",
    ];

    /// <param name="keepIn">Keep the seeded database in this folder (to start the real app on it), instead of deleting it.</param>
    public static async Task<int> RunAsync(int users, string? keepIn = null)
    {
        var folder = keepIn ?? Path.Combine(Path.GetTempPath(), "balancebot-bench", Guid.NewGuid().ToString("N"));
        var options = Options.Create(new StorageOptions { Path = Path.Combine(folder, "reminders.db") });
        // Everyone is scheduled from one second before 07:00 UTC, so nothing is stale when the burst is swept.
        var start = Instant.FromUtc(2026, 3, 2, 6, 59, 59);
        const int DueTogether = 10_000;

        var seeding = Stopwatch.StartNew();
        using (var database = new BalanceBotDatabase(options))
        {
            Seed(database, users, start, Math.Min(DueTogether, users));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"users: {users:N0}; seeded in {seeding.Elapsed.TotalSeconds:F1} s; file {new FileInfo(Path.Combine(folder, "reminders.db")).Length / 1024 / 1024} MiB"));

        // "Start-up to first sweep": open the file, build what the sweep needs, run one sweep with nothing due.
        var catalog = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create());
        var sink = new ReplySink();
        var (sinkApp, serviceUrl) = await sink.StartAsync();
        using var reopenedForAddresses = new BalanceBotDatabase(options);
        SetAddresses(reopenedForAddresses, serviceUrl, Math.Min(DueTogether, users));
        reopenedForAddresses.Dispose();
        using var http = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var pacing = new ConnectorPacing(TimeProvider.System, enabled: false);

        var startup = Stopwatch.StartNew();
        using var reopened = new BalanceBotDatabase(options);
        var time = new FakeTimeProvider(start.ToDateTimeOffset());
        var sender = new ProactiveSender([new BotFrameworkProactive(new BotFrameworkConnectorClient(http.GetRequiredService<IHttpClientFactory>(), new BotFrameworkCredentials(Options.Create(new BotFrameworkOptions()), new MsalHttpClientFactory(http.GetRequiredService<IHttpClientFactory>())), pacing, TimeProvider.System), new LiteDbCardPromptStore(reopened, time))], NullLogger<ProactiveSender>.Instance);
        var sweep = new ReminderSweep(new LiteDbReminderStore(reopened), new LiteDbUserStore(reopened), sender, catalog,
            new SafetyContactDirectory(SafetyContactDirectory.BuiltIn, "GB"), time, NullLogger<ReminderSweep>.Instance);
        await sweep.RunOnceAsync(CancellationToken.None);
        startup.Stop();

        var idle = Stopwatch.StartNew();
        const int IdleSweeps = 20;
        for (var i = 0; i < IdleSweeps; i++)
        {
            await sweep.RunOnceAsync(CancellationToken.None);
        }

        idle.Stop();

        // Everything seeded as "due together" falls due at 07:00:00 UTC; sweep 10 s later.
        time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 7, 0, 10, TimeSpan.Zero));
        var burst = Stopwatch.StartNew();
        var summary = await sweep.RunOnceAsync(CancellationToken.None);
        burst.Stop();

        GC.Collect();
        var rss = Process.GetCurrentProcess().WorkingSet64 / 1024 / 1024;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"start-up to first sweep: {startup.Elapsed.TotalMilliseconds:F0} ms; idle sweep: {idle.Elapsed.TotalMilliseconds / IdleSweeps:F2} ms; RSS: {rss} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"due at 07:00 UTC ({Math.Min(DueTogether, users):N0} forced, the rest on their own schedules): {summary.Sent:N0} sent over loopback HTTP ({sink.Received:N0} received), {summary.Skipped} skipped, {summary.Failed} failed, in {burst.Elapsed.TotalMilliseconds:F0} ms"));
        await sinkApp.DisposeAsync();

        reopened.Dispose();
        if (keepIn is null)
        {
            Directory.Delete(folder, recursive: true);
        }
        return summary.Sent >= Math.Min(DueTogether, users) ? 0 : 1;
    }

    private static void Seed(BalanceBotDatabase database, int users, Instant start, int dueTogether)
    {
        var reminders = new LiteDbReminderStore(database);
        var people = new LiteDbUserStore(database);
        var random = new Random(42);
        var dueAt = Instant.FromUtc(2026, 3, 2, 7, 0);
        const int Batch = 5_000;
        for (var first = 0; first < users; first += Batch)
        {
            database.Database.BeginTrans();
            for (var i = first; i < Math.Min(users, first + Batch); i++)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"msteams:29:user-{i}");
                var schedule = ReminderSchedule.Default(Zones[i % Zones.Length]) with
                {
                    Start = new LocalTime(7 + random.Next(3), random.Next(4) * 15),
                    End = new LocalTime(16 + random.Next(3), 0),
                    IntervalMinutes = new[] { 30, 45, 60, 90, 120 }[random.Next(5)],
                };
                var subscription = new ReminderSubscription { UserKey = key, Schedule = schedule };
                subscription.Reschedule(start);
                if (i < dueTogether)
                {
                    subscription.NextDueUtc = dueAt;
                }

                reminders.SaveAsync(subscription, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                people.SaveAsync(new UserRecord { Key = key, FirstSeenUtc = start.ToDateTimeOffset(), Address = new ConversationAddress("bench", key) }, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            }

            database.Database.Commit();
        }
    }

    /// <summary>
    /// The users whose prompts fall due together get a Bot Framework address at the loopback sink; everyone else keeps an
    /// address no channel serves (counted as failed, which the benchmark only reports).
    /// </summary>
    private static void SetAddresses(BalanceBotDatabase database, string serviceUrl, int count)
    {
        var people = new LiteDbUserStore(database);
        database.Database.BeginTrans();
        for (var i = 0; i < count; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"msteams:29:user-{i}");
            var reference = new ConversationReference("msteams", serviceUrl, new ConversationReferenceConversation($"a:{i}", "personal", "tenant"),
                new ConversationReferenceAccount($"29:user-{i}", null, null), new ConversationReferenceAccount("28:bot", "BalanceBot", null), "en-GB");
            var address = new ConversationAddress("botframework", JsonSerializer.Serialize(reference, BotFrameworkJson.Default.ConversationReference));
            people.SaveAsync(new UserRecord { Key = key, FirstSeenUtc = default, Address = address }, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        database.Database.Commit();
    }
}
