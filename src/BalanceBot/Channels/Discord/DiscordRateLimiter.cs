using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using BalanceBot.Hosting;
using Microsoft.Extensions.Options;

namespace BalanceBot.Channels.Discord;

/// <summary>
/// Keeps BalanceBot inside Discord's rate limits (discord.md §5): one request in flight per route bucket, none sent
/// while a bucket is empty before its reset, bot-token calls under the global limit, a 429's <c>retry_after</c>
/// honoured (globally when it says so), and a circuit breaker that stops traffic long before 10,000 invalid answers
/// in 10 minutes get the host's address banned. Waits use the injected clock.
/// </summary>
internal sealed partial class DiscordRateLimiter(IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRateLimiter> logger)
{
    /// <summary>A 429 is retried this many times before the caller sees it.</summary>
    public const int MaxRateLimitRetries = 5;

    private static readonly TimeSpan InvalidRequestWindow = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _global = new();
    private readonly SlidingWindowGate _globalWindow = new(
        options.Value.GlobalRequestsPerWindow, TimeSpan.FromMilliseconds(options.Value.GlobalRateLimitWindowMilliseconds), time);
    private readonly Queue<long> _invalidAnswers = new();
    private long _globalPausedUntil;
    private volatile bool _tokenRefused;

    /// <summary>How many 401/403/429 answers count against the ban threshold right now.</summary>
    public int InvalidRequestsInWindow
    {
        get
        {
            lock (_invalidAnswers)
            {
                DropOlderThan(_invalidAnswers, InvalidRequestWindow);
                return _invalidAnswers.Count;
            }
        }
    }

    /// <param name="createRequest">Called once per attempt: a sent request cannot be sent again.</param>
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, Func<HttpRequestMessage> createRequest, string relativePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(createRequest);
        for (var attempt = 0; ; attempt++)
        {
            var request = createRequest();
            var route = DiscordRoute.Of(request.Method, relativePath);
            if (!route.IsInteraction)
            {
                ThrowIfCircuitOpen();
            }

            var bucket = _buckets.GetOrAdd(route.Key, _ => new Bucket());
            await bucket.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            HttpResponseMessage response;
            TimeSpan? retryAfter = null;
            try
            {
                await bucket.WaitUntilOpenAsync(time, cancellationToken).ConfigureAwait(false);
                if (!route.IsInteraction)
                {
                    await WaitForGlobalAsync(cancellationToken).ConfigureAwait(false);
                }

                response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
                bucket.Learn(response, time);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    retryAfter = await OnTooManyRequestsAsync(response, bucket, route, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                request.Dispose();
                bucket.Gate.Release();
            }

            CountIfInvalid(response, route);
            if (retryAfter is not null && attempt < MaxRateLimitRetries)
            {
                response.Dispose();
                continue;
            }

            return response;
        }
    }

    private void ThrowIfCircuitOpen()
    {
        if (_tokenRefused)
        {
            throw new DiscordCircuitOpenException("Discord refused the bot token (401); outbound calls are stopped until the token is fixed and the app restarted.");
        }

        if (InvalidRequestsInWindow >= options.Value.InvalidRequestLimit)
        {
            throw new DiscordCircuitOpenException($"{options.Value.InvalidRequestLimit} invalid requests in 10 minutes; outbound calls pause to stay clear of Discord's ban.");
        }
    }

    /// <summary>Parks the bucket (or everything, for a global 429) for the body's <c>retry_after</c>, which is more precise than the header.</summary>
    private async Task<TimeSpan> OnTooManyRequestsAsync(HttpResponseMessage response, Bucket bucket, DiscordRoute route, CancellationToken cancellationToken)
    {
        DiscordError? error = null;
        try
        {
            error = await response.Content.ReadFromJsonAsync(DiscordJson.Default.DiscordError, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // Cloudflare's own 429 is an HTML page (discord.md §6); fall back to the headers.
        }

        var seconds = error?.RetryAfter ?? response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 1;
        var retryAfter = TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 3600));
        var global = error?.Global == true || response.Headers.Contains("X-RateLimit-Global");
        if (global)
        {
            lock (_global)
            {
                _globalPausedUntil = Math.Max(_globalPausedUntil, time.GetTimestamp() + Ticks(retryAfter));
            }
        }
        else
        {
            bucket.Park(retryAfter, time);
        }

        LogRateLimited(route.Key, global, retryAfter.TotalMilliseconds);
        return retryAfter;
    }

    /// <summary>None during a global pause, then at most N bot-token sends in any window.</summary>
    private async Task WaitForGlobalAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            long paused;
            lock (_global)
            {
                paused = _globalPausedUntil - time.GetTimestamp();
            }

            if (paused <= 0)
            {
                break;
            }

            await Task.Delay(Duration(paused), time, cancellationToken).ConfigureAwait(false);
        }

        await _globalWindow.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void CountIfInvalid(HttpResponseMessage response, DiscordRoute route)
    {
        var status = (int)response.StatusCode;
        if (status is not (401 or 403 or 429))
        {
            return;
        }

        // Shared-resource 429s are Discord's doing, not ours, and do not count (discord.md §5.1).
        if (status == 429 && response.Headers.TryGetValues("X-RateLimit-Scope", out var scope) && scope.Contains("shared"))
        {
            return;
        }

        if (status == 401 && !route.IsInteraction)
        {
            _tokenRefused = true;
            LogTokenRefused();
        }

        lock (_invalidAnswers)
        {
            _invalidAnswers.Enqueue(time.GetTimestamp());
            DropOlderThan(_invalidAnswers, InvalidRequestWindow);
            if (_invalidAnswers.Count == options.Value.InvalidRequestLimit)
            {
                LogCircuitOpen(_invalidAnswers.Count);
            }
        }
    }

    private void DropOlderThan(Queue<long> stamps, TimeSpan age)
    {
        var oldest = time.GetTimestamp() - Ticks(age);
        while (stamps.Count > 0 && stamps.Peek() <= oldest)
        {
            stamps.Dequeue();
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);

    private TimeSpan Duration(long ticks) => TimeSpan.FromSeconds((double)ticks / time.TimestampFrequency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate limit on {Route} (global: {Global}); retrying after {RetryAfterMs} ms")]
    private partial void LogRateLimited(string route, bool global, double retryAfterMs);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord refused the bot token (401): outbound Discord calls are stopped. Check Discord:BotToken.")]
    private partial void LogTokenRefused();

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} invalid Discord requests in 10 minutes: outbound calls pause until the count falls")]
    private partial void LogCircuitOpen(int count);

    /// <summary>One route bucket: what Discord last said remains, and when it refills (by the monotonic clock).</summary>
    private sealed class Bucket
    {
        private int _remaining = 1;
        private long _resetAt;

        /// <summary>One request at a time, so the headers of one answer govern the next request (discord.md §5.2).</summary>
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public async Task WaitUntilOpenAsync(TimeProvider time, CancellationToken cancellationToken)
        {
            var wait = _resetAt - time.GetTimestamp();
            if (_remaining <= 0 && wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / time.TimestampFrequency), time, cancellationToken).ConfigureAwait(false);
            }
        }

        public void Learn(HttpResponseMessage response, TimeProvider time)
        {
            if (Header(response, "X-RateLimit-Remaining") is { } remaining && Header(response, "X-RateLimit-Reset-After") is { } resetAfter)
            {
                _remaining = (int)remaining;
                _resetAt = time.GetTimestamp() + (long)(resetAfter * time.TimestampFrequency);
            }
            else
            {
                _remaining = Math.Max(_remaining, 1);
            }
        }

        public void Park(TimeSpan retryAfter, TimeProvider time)
        {
            _remaining = 0;
            _resetAt = Math.Max(_resetAt, time.GetTimestamp() + (long)(retryAfter.TotalSeconds * time.TimestampFrequency));
        }

        private static double? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
