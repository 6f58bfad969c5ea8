using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// Retries Connector sends the way Teams asks (botframework.md §3.3 and trap 9): 429, 412, 502 and 504, network
/// errors and timeouts, with jittered exponential back-off, honouring <c>Retry-After</c>. The SDK never retried;
/// without this a busy broadcast loses messages. Runs on the injected clock, so tests need not wait.
/// </summary>
internal static class ConnectorRetry
{
    public const int MaxRetries = 4;

    public static ResiliencePipeline<HttpResponseMessage> Create(TimeProvider time) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
                        or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout),
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromSeconds(30),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(TimeSpan.FromSeconds(10))
            .Build();

    /// <summary>The wait a 429 or 503 asks for, if it says; null lets the back-off decide.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var retryAfter = response?.Headers.RetryAfter;
        var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } positive && positive > TimeSpan.Zero ? TimeSpan.FromTicks(Math.Min(positive.Ticks, TimeSpan.FromMinutes(2).Ticks)) : null;
    }
}
