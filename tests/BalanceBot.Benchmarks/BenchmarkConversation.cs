using System.Diagnostics;
using System.Net;
using System.Text;

namespace BalanceBot.Benchmarks;

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
