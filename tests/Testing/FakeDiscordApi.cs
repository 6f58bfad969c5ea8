using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BalanceBot.Testing;

/// <summary>
/// A loopback server playing Discord's REST API v10 (discord.md §4-§5): DM channels, messages, interaction-token
/// edits and follow-ups, and command registration. It enforces what Discord enforces: the bot token and User-Agent,
/// per-route buckets advertised in the rate-limit headers, the global limit, and it counts every request that
/// arrives while its bucket is empty. Its clock is the one the bot runs on, so fake time drives both.
/// </summary>
internal sealed class FakeDiscordApi : IAsyncDisposable
{
    public const string BotToken = "test-bot-token";

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly ArrivalWindow _globalWindow;
    private readonly System.Threading.Channels.Channel<(string Token, string Kind, JsonObject Body)> _tokenCalls =
        System.Threading.Channels.Channel.CreateUnbounded<(string Token, string Kind, JsonObject Body)>();

    private int _messageCount;

    private FakeDiscordApi(WebApplication app, TimeProvider time) => (_app, _time, _globalWindow) = (app, time, new ArrivalWindow(time));

    /// <summary>What to put in <c>Discord:ApiBaseUrl</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Requests allowed per bucket per <see cref="BucketWindow"/>.</summary>
    public int BucketLimit { get; set; } = 5;

    public TimeSpan BucketWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Bot-token requests allowed in any 1-second window (Discord: 50).</summary>
    public int GlobalLimit { get; set; } = 50;

    /// <summary>Every Nth message create is refused with a 429 once, as a sublimit would be; 0 for never.</summary>
    public int RateLimitEveryNthMessage { get; set; }

    /// <summary>Users whose DMs are closed: sends to them get 403 with this code (50007 or 50278).</summary>
    public ConcurrentDictionary<string, int> ClosedDms { get; } = new();

    public ConcurrentQueue<JsonObject> Messages { get; } = new();

    /// <summary>The channel each message was posted to, in the order received.</summary>
    public ConcurrentQueue<string> MessageChannels { get; } = new();

    /// <summary>Every message posted, with its channel (the two queues above are filled one after the other, not together).</summary>
    public ConcurrentQueue<(string Channel, JsonObject Body)> Posted { get; } = new();

    /// <summary>Edits of the bot's own channel messages: channel, message id and the new body.</summary>
    public ConcurrentQueue<(string Channel, string MessageId, JsonObject Body)> MessageEdits { get; } = new();

    public ConcurrentQueue<string> DmChannelsCreatedFor { get; } = new();

    /// <summary>Edits of <c>@original</c> and follow-ups, by interaction token.</summary>
    public ConcurrentQueue<(string Token, string Kind, JsonObject Body)> TokenCalls { get; } = new();

    public List<JsonObject> Commands { get; } = [];

    public ConcurrentQueue<string> CommandRequests { get; } = new();

    /// <summary>Requests that arrived while their bucket had nothing left: the bot ignored the headers.</summary>
    public int BucketViolations;

    public int GlobalRejections;

    public int InjectedRateLimits;

    /// <summary>Sends refused because the user's DMs are closed.</summary>
    public int RefusedDms;

    /// <summary>Requests with a missing or wrong token, User-Agent or API version.</summary>
    public ConcurrentQueue<string> BadRequests { get; } = new();

    public int RequestCount;

    private int _lastMessageId;

    public static async Task<FakeDiscordApi> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new FakeDiscordApi(app, time);
        app.Map("/api/{**path}", (Func<HttpContext, Task<IResult>>)api.HandleAsync);
        await app.StartAsync();
        api.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api";
        return api;
    }

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        Interlocked.Increment(ref RequestCount);
        var path = http.Request.Path.Value!["/api".Length..];
        var method = http.Request.Method;
        if (!path.StartsWith("/v10/", StringComparison.Ordinal))
        {
            BadRequests.Enqueue($"{method} {path}: not /v10");
            return Results.NotFound();
        }

        if (!http.Request.Headers.UserAgent.ToString().StartsWith("DiscordBot (", StringComparison.Ordinal))
        {
            BadRequests.Enqueue($"{method} {path}: User-Agent '{http.Request.Headers.UserAgent}'");
            return Results.StatusCode(403);
        }

        var segments = path["/v10/".Length..].Split('/');
        var isTokenRoute = segments[0] == "webhooks";
        if (!isTokenRoute && http.Request.Headers.Authorization.ToString() != "Bot " + BotToken)
        {
            BadRequests.Enqueue($"{method} {path}: Authorization");
            return Error(401, 0, "401: Unauthorized");
        }

        if (isTokenRoute && http.Request.Headers.Authorization.Count > 0)
        {
            BadRequests.Enqueue($"{method} {path}: bot token sent on an interaction-token route");
        }

        if (!isTokenRoute && Global(http) is { } globalLimited)
        {
            return globalLimited;
        }

        var major = segments[0] is "channels" or "guilds" ? $"{segments[0]}/{segments[1]}" : isTokenRoute ? $"webhooks/{segments[1]}/{segments[2]}" : "global";
        var route = $"{method} {string.Join('/', segments.Select((s, i) => isTokenRoute && i == 2 ? ":token" : s.All(char.IsAsciiDigit) ? ":id" : s))}";
        if (Bucket(http, route + " @" + major) is { } bucketLimited)
        {
            return bucketLimited;
        }

        var body = http.Request.ContentLength > 0 || http.Request.Method is "POST" or "PATCH" or "PUT"
            ? await JsonNode.ParseAsync(http.Request.Body)
            : null;
        return (method, segments) switch
        {
            ("POST", ["users", "@me", "channels"]) => CreateDm(body!.AsObject()),
            ("POST", ["channels", var channel, "messages"]) => CreateMessage(http, channel, body!.AsObject()),
            ("PATCH", ["channels", var channel, "messages", var message]) => EditMessage(channel, message, body!.AsObject()),
            ("PATCH", ["webhooks", _, var token, "messages", "@original"]) => TokenCall(token, "edit", body!.AsObject()),
            ("POST", ["webhooks", _, var token]) => TokenCall(token, "followup", body!.AsObject()),
            ("GET", ["applications", _, .., "commands"]) => ListCommands(path),
            ("PUT", ["applications", _, .., "commands"]) => OverwriteCommands(path, body!.AsArray()),
            _ => Results.NotFound(),
        };
    }

    private IResult CreateDm(JsonObject body)
    {
        var user = body["recipient_id"]!.GetValue<string>();
        DmChannelsCreatedFor.Enqueue(user);
        return Results.Json(new { id = DmChannelOf(user), type = 1 });
    }

    /// <summary>The DM channel id the fake gives a user: distinct, numeric, and recognisable in assertions.</summary>
    public static string DmChannelOf(string userId) => "9" + userId;

    private IResult CreateMessage(HttpContext http, string channel, JsonObject body)
    {
        if (RateLimitEveryNthMessage > 0 && Interlocked.Increment(ref _messageCount) % RateLimitEveryNthMessage == 0)
        {
            Interlocked.Increment(ref InjectedRateLimits);
            http.Response.Headers["X-RateLimit-Scope"] = "user";
            return Results.Json(new { message = "You are being rate limited.", retry_after = 0.25, global = false }, statusCode: 429);
        }

        if (ClosedDms.FirstOrDefault(c => DmChannelOf(c.Key) == channel) is { Key: not null } closed)
        {
            Interlocked.Increment(ref RefusedDms);
            return Error(403, closed.Value, "Cannot send messages to this user");
        }

        MessageChannels.Enqueue(channel);
        Messages.Enqueue(body);
        Posted.Enqueue((channel, body));
        var id = (1_000_000 + Interlocked.Increment(ref _lastMessageId)).ToString(CultureInfo.InvariantCulture);
        return Results.Json(new { id, channel_id = channel, content = body["content"]?.GetValue<string>() });
    }

    private IResult EditMessage(string channel, string messageId, JsonObject body)
    {
        MessageEdits.Enqueue((channel, messageId, body));
        return Results.Json(new { id = messageId, channel_id = channel, content = body["content"]?.GetValue<string>() });
    }

    /// <summary>Waits for the next edit or follow-up, failing after the deadline.</summary>
    public async Task<(string Token, string Kind, JsonObject Body)> NextTokenCallAsync()
    {
        using var timeout = new CancellationTokenSource(Deadline.Default);
        return await _tokenCalls.Reader.ReadAsync(timeout.Token);
    }

    private IResult TokenCall(string token, string kind, JsonObject body)
    {
        TokenCalls.Enqueue((token, kind, body));
        _tokenCalls.Writer.TryWrite((token, kind, body));
        return Results.Json(new { id = "2" });
    }

    private IResult ListCommands(string path)
    {
        CommandRequests.Enqueue("GET " + path);
        lock (Commands)
        {
            return Results.Json(new JsonArray([.. Commands.Select(c => (JsonNode)c.DeepClone())]));
        }
    }

    private IResult OverwriteCommands(string path, JsonArray body)
    {
        CommandRequests.Enqueue("PUT " + path);
        lock (Commands)
        {
            Commands.Clear();
            foreach (var command in body.Select(c => c!.AsObject().DeepClone().AsObject()))
            {
                command["id"] = (1000 + Commands.Count).ToString(CultureInfo.InvariantCulture);
                command["version"] = "1";
                Commands.Add(command);
            }

            return Results.Json(new JsonArray([.. Commands.Select(c => (JsonNode)c.DeepClone())]));
        }
    }

    private IResult? Global(HttpContext http)
    {
        if (_globalWindow.TryAdmit(GlobalLimit, out var retryAfter))
        {
            return null;
        }

        Interlocked.Increment(ref GlobalRejections);
        http.Response.Headers["X-RateLimit-Global"] = "true";
        http.Response.Headers["X-RateLimit-Scope"] = "global";
        return Results.Json(new { message = "You are being rate limited.", retry_after = Math.Max(retryAfter.TotalSeconds, 0.001), global = true }, statusCode: 429);
    }

    private IResult? Bucket(HttpContext http, string key)
    {
        var bucket = _buckets.GetOrAdd(key, _ => new BucketState { Remaining = BucketLimit });
        lock (bucket)
        {
            var now = _time.GetTimestamp();
            if (bucket.ResetAt is { } reset && now >= reset)
            {
                bucket.Remaining = BucketLimit;
                bucket.ResetAt = null;
            }

            bucket.ResetAt ??= now + (long)(BucketWindow.TotalSeconds * _time.TimestampFrequency);
            // Rounded up: a client that trusts the header must never come back a moment early.
            var resetAfter = Math.Ceiling((double)(bucket.ResetAt.Value - now) / _time.TimestampFrequency * 1000) / 1000;
            http.Response.Headers["X-RateLimit-Limit"] = BucketLimit.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["X-RateLimit-Bucket"] = "hash-" + key.GetHashCode(StringComparison.Ordinal).ToString("x", CultureInfo.InvariantCulture);
            http.Response.Headers["X-RateLimit-Reset-After"] = resetAfter.ToString("0.000", CultureInfo.InvariantCulture);
            if (bucket.Remaining <= 0)
            {
                Interlocked.Increment(ref BucketViolations);
                http.Response.Headers["X-RateLimit-Remaining"] = "0";
                http.Response.Headers["X-RateLimit-Scope"] = "user";
                return Results.Json(new { message = "You are being rate limited.", retry_after = resetAfter, global = false }, statusCode: 429);
            }

            bucket.Remaining--;
            http.Response.Headers["X-RateLimit-Remaining"] = bucket.Remaining.ToString(CultureInfo.InvariantCulture);
            return null;
        }
    }

    private static IResult Error(int status, int code, string message) => Results.Json(new { message, code }, statusCode: status);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class BucketState
    {
        public int Remaining { get; set; }

        public long? ResetAt { get; set; }
    }
}
