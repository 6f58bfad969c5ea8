using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BalanceBot.Testing;

/// <summary>A loopback server playing the Bot Framework Connector: it records every activity the bot sends.</summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedActivity> _received = Channel.CreateUnbounded<ReceivedActivity>();

    private FakeConnector(WebApplication app) => _app = app;

    /// <summary>The base URL to put in an activity's <c>serviceUrl</c>.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>How long each send takes to answer, as a slow connector would; the attempt is recorded first.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The status the next sends are answered with (200 by default).</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    /// <summary>One-off answers used before <see cref="Answer"/>: a status, an optional Retry-After, or a hang until cancelled.</summary>
    public ConcurrentQueue<(HttpStatusCode Status, TimeSpan? RetryAfter, bool Hang)> Script { get; } = new();

    /// <summary>CreateConversation requests (1:1 chats the bot opened).</summary>
    public ConcurrentQueue<JsonObject> Created { get; } = new();

    /// <summary>Every attempt that reached the fake, including the failed ones, with its arrival time.</summary>
    public ConcurrentQueue<(string RawTarget, long Timestamp)> Attempts { get; } = new();

    /// <summary>UpdateActivity requests (the bot editing its own messages), in arrival order.</summary>
    public ConcurrentQueue<(string RawTarget, JsonObject Body)> Updates { get; } = new();

    /// <summary>Called for every activity accepted, before it is answered: lets a test move a fake clock with the sends.</summary>
    public Action<ReceivedActivity>? OnReceived { get; set; }

    private int _lastActivityId;

    public int Count => _received.Reader.Count;

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            var target = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
            if (target.EndsWith("/v3/conversations", StringComparison.Ordinal))
            {
                // CreateConversation: the bot's 1:1 chat with the member named in the body.
                connector.Created.Enqueue(body!.AsObject());
                return Results.Json(new { id = "a:private-" + body!["members"]![0]!["id"]!.GetValue<string>() });
            }

            connector.Attempts.Enqueue((target, System.Diagnostics.Stopwatch.GetTimestamp()));
            if (connector.Delay > TimeSpan.Zero)
            {
                // A send cut off by the bot dying never completes, like a lost response on a real network.
                await Task.Delay(connector.Delay, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                if (http.RequestAborted.IsCancellationRequested)
                {
                    return Results.StatusCode(499);
                }
            }

            if (connector.Script.TryDequeue(out var scripted))
            {
                if (scripted.Hang)
                {
                    await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    return Results.StatusCode(499);
                }

                if (scripted.RetryAfter is { } retryAfter)
                {
                    http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return Results.StatusCode((int)scripted.Status);
            }

            var received = new ReceivedActivity(
                target,
                body!.AsObject(),
                http.Request.Headers.Authorization.ToString(),
                new Dictionary<string, string>
                {
                    ["Content-Type"] = http.Request.Headers.ContentType.ToString(),
                    ["Accept"] = http.Request.Headers.Accept.ToString(),
                    ["User-Agent"] = http.Request.Headers.UserAgent.ToString(),
                });
            connector.OnReceived?.Invoke(received);
            await connector._received.Writer.WriteAsync(received);
            return connector.Answer == HttpStatusCode.OK
                ? Results.Json(new { id = "act-" + Interlocked.Increment(ref connector._lastActivityId) })
                : Results.StatusCode((int)connector.Answer);
        });
        app.MapPut("/{**path}", async (HttpContext http) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            connector.Updates.Enqueue((http.Features.Get<IHttpRequestFeature>()!.RawTarget, body!.AsObject()));
            return Results.Json(new { id = body!["id"]?.GetValue<string>() });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address + "/";
        return connector;
    }

    /// <summary>Waits for the next <paramref name="count"/> activities, failing after the deadline.</summary>
    public async Task<IReadOnlyList<ReceivedActivity>> TakeAsync(int count, TimeSpan? deadline = null)
    {
        var taken = new List<ReceivedActivity>();
        using var timeout = new CancellationTokenSource(deadline ?? Deadline.Default);
        while (taken.Count < count)
        {
            taken.Add(await _received.Reader.ReadAsync(timeout.Token));
        }

        return taken;
    }

    /// <summary>Everything received so far, without waiting.</summary>
    public IReadOnlyList<ReceivedActivity> Drain()
    {
        var taken = new List<ReceivedActivity>();
        while (_received.Reader.TryRead(out var activity))
        {
            taken.Add(activity);
        }

        return taken;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
