using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using BalanceBot.Benchmarks;
using BalanceBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

if (args is ["--reminders", var count, ..] && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var users) && users > 0)
{
    return await ReminderScaleBenchmark.RunAsync(users, args is [_, _, "--keep", var keep] ? keep : null);
}

if (args is ["--broadcast", var recipientCount, ..] && int.TryParse(recipientCount, NumberStyles.None, CultureInfo.InvariantCulture, out var recipients) && recipients > 1)
{
    return await BroadcastBenchmark.RunAsync(recipients, args is [_, _, "--only", var platform] ? platform : null);
}

if (args is ["--understanding", ..])
{
    return UnderstandingBenchmark.Run(args is [_, var roundText] && int.TryParse(roundText, NumberStyles.None, CultureInfo.InvariantCulture, out var rounds) && rounds > 0 ? rounds : 200);
}

if (BenchmarkOptions.Parse(args) is not { } options)
{
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

var folder = Path.Combine(Path.GetTempPath(), "balancebot-bench", Guid.NewGuid().ToString("N"));
var dialogs = BenchmarkDialogs.Create(Path.Combine(folder, "dialogs"));
var replies = new ReplySink();
var (sink, serviceUrl) = await replies.StartAsync();
await using var bot = BalanceBot.Program.BuildServer(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Storage:Path"] = Path.Combine(folder, "bench.db"),
    ["Dialogs:Path"] = dialogs,
    ["Logging:LogLevel:Default"] = "Warning",

    // Each simulated user sends hundreds of turns a second: the benchmark measures throughput, not the per-user limit.
    ["Conversations:TurnLimit"] = "0",
}));
await bot.StartAsync();
var botAddress = new Uri(bot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency * 2, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = botAddress,
};

Console.WriteLine($"BalanceBot load test: {options.Concurrency} conversations, {options.WarmupSeconds} s warm-up, {options.Seconds} s measured, {Environment.ProcessorCount} cores");
var conversations = Enumerable.Range(0, options.Concurrency).Select(i => new BenchmarkConversation(http, serviceUrl, $"bench-{i}")).ToList();
await Task.WhenAll(conversations.Select(c => c.WelcomeAsync()));

using (var warmup = new CancellationTokenSource(TimeSpan.FromSeconds(options.WarmupSeconds)))
{
    await Task.WhenAll(conversations.Select(c => c.RunAsync(record: false, warmup.Token)));
}

var repliesBefore = replies.Received;
var clock = Stopwatch.StartNew();
using (var measured = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds)))
{
    await Task.WhenAll(conversations.Select(c => c.RunAsync(record: true, measured.Token)));
}

clock.Stop();
var repliesMeasured = replies.Received - repliesBefore;
var latencies = conversations.SelectMany(c => c.Latencies).Order().ToArray();
var errors = conversations.Sum(c => c.Errors);
double Percentile(double p) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)] * 1000.0 / Stopwatch.Frequency;

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"turns: {latencies.Length}  errors: {errors}  turns/s: {latencies.Length / clock.Elapsed.TotalSeconds:F0}  p50: {Percentile(0.50):F2} ms  p99: {Percentile(0.99):F2} ms  max: {Percentile(1.0):F2} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"replies at the sink while measuring: {repliesMeasured} (one per turn when every answer is understood)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"memory: working set {Environment.WorkingSet / 1024 / 1024} MiB, GC heap {GC.GetTotalMemory(false) / 1024 / 1024} MiB, gen2 collections {GC.CollectionCount(2)}"));

await bot.StopAsync();
await sink.DisposeAsync();
Directory.Delete(folder, recursive: true);
return errors == 0 && repliesMeasured == latencies.Length ? 0 : 1;
