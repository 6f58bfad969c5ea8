using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace BalanceBot.Hosting;

/// <summary>
/// Overload protection (issue 8): no request body over 256 KiB anywhere (the channel endpoints check smaller limits
/// of their own), and at most <c>Hosting:MaxConcurrentTurns</c> turns running with <c>Hosting:MaxQueuedTurns</c>
/// waiting; past that a channel gets 503 with Retry-After at once, so overload costs answers, never unbounded memory.
/// </summary>
internal static class InboundLimits
{
    public const string TurnsPolicy = "turns";

    /// <summary>The largest body any endpoint takes: a 30-day campaign of 1,500-character messages is about 50 KiB.</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    public static WebApplicationBuilder AddInboundLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        var running = Math.Clamp(builder.Configuration.GetValue("Hosting:MaxConcurrentTurns", 64), 1, 10_000);
        var queued = Math.Clamp(builder.Configuration.GetValue("Hosting:MaxQueuedTurns", 256), 0, 100_000);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return ValueTask.CompletedTask;
            };
            limiter.AddConcurrencyLimiter(TurnsPolicy, turns =>
            {
                turns.PermitLimit = running;
                turns.QueueLimit = queued;
                turns.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
        });
        return builder;
    }
}
