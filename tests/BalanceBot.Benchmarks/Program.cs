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

/// <summary>One user in a closed loop: send a turn, wait for the answer, send the next.</summary>
internal sealed class BenchmarkConversation(HttpClient http, string serviceUrl, string id)
{
    private static readonly string[] Script = ["hi", "Neck", "yes"];
    private int _sent;

    public List<long> Latencies { get; } = new(capacity: 100_000);

    public int Errors { get; private set; }

    /// <summary>The first message gets the one-time welcome, which ends on a yes/no: answer no to finish it.</summary>
    public async Task WelcomeAsync()
    {
        await SendAsync("hi", CancellationToken.None);
        await SendAsync("no", CancellationToken.None);
    }

    public async Task RunAsync(bool record, CancellationToken stop)
    {
        // Always finish the 3-turn dialog that was started, so every conversation begins the next run at "hi".
        while (!stop.IsCancellationRequested)
        {
            foreach (var text in Script)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await SendAsync(text, CancellationToken.None);
                if (record)
                {
                    Latencies.Add(Stopwatch.GetTimestamp() - started);
                    Errors += ok ? 0 : 1;
                }
            }
        }
    }

    private async Task<bool> SendAsync(string text, CancellationToken cancellationToken)
    {
        var activityId = Interlocked.Increment(ref _sent);
        var body = $$"""
            {"type":"message","id":"{{id}}-{{activityId}}","channelId":"emulator","serviceUrl":"{{serviceUrl}}","from":{"id":"{{id}}-user","name":"Bench"},"recipient":{"id":"bot","name":"BalanceBot"},"conversation":{"id":"{{id}}"},"text":"{{text}}","locale":"en-US"}
            """;
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/api/messages", content, cancellationToken);
        return response.StatusCode == HttpStatusCode.OK;
    }
}

/// <summary>The app's real dialogs plus the benchmark's 3-turn waterfall (a choice prompt, then a confirm prompt).</summary>
internal static class BenchmarkDialogs
{
    public static string Create(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Dialogs, "*.yaml"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(folder, "bench.yaml"), """
            id: bench
            triggers: [hi]
            steps:
              - id: area
                ask: choice
                text: Which area would you like to stretch?
                choices:
                  - id: neck
                    label: Neck
                  - id: back
                    label: Back
                  - id: wrists
                    label: Wrists
              - id: ready
                ask: confirm
                text: Ready to start?
              - id: done
                say: Done.
              - id: end
                end: true
            """);
        return folder;
    }
}
