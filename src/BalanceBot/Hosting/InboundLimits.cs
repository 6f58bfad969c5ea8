using System.Threading.RateLimiting;

namespace BalanceBot.Hosting;

/// <summary>
/// Overload protection (issues 8 and 14): no request body over 256 KiB anywhere (the channel endpoints check smaller
/// limits of their own); bodies read under <see cref="BodyReadBudget"/> (a per-client bound and a deadline); and at
/// most <c>Hosting:MaxConcurrentTurns</c> turns running with <c>Hosting:MaxQueuedTurns</c> waiting
/// (<see cref="TurnSlots"/>). A request is admitted to the turn limiter only once it is authenticated, so
/// nobody without credentials can hold a turn slot; past the limit a channel gets 503 with Retry-After at once.
/// </summary>
internal static class InboundLimits
{
    /// <summary>The largest body any endpoint takes: a 30-day campaign of 1,500-character messages is about 50 KiB.</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    public static WebApplicationBuilder AddInboundLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        var running = KnownSettings.Number(builder.Configuration, "Hosting:MaxConcurrentTurns");
        var queued = KnownSettings.Number(builder.Configuration, "Hosting:MaxQueuedTurns");
        builder.Services.AddSingleton(new TurnSlots(running, queued));
        builder.Services.AddSingleton(services => new BodyReadBudget(
            KnownSettings.Number(builder.Configuration, "Hosting:MaxBodyReadsPerClient"),
            TimeSpan.FromSeconds(KnownSettings.Number(builder.Configuration, "Hosting:BodyReadTimeoutSeconds")),
            services.GetRequiredService<TimeProvider>()));
        return builder;
    }
}

/// <summary>The shared turn limiter, entered only by authenticated requests (issue 14 §1).</summary>
internal sealed class TurnSlots(int running, int queued) : IDisposable
{
    private readonly ConcurrencyLimiter _turns = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = running,
        QueueLimit = queued,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>A lease to dispose when the turn's response is done, or null (503 with Retry-After already set).</summary>
    public async ValueTask<RateLimitLease?> AdmitAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var lease = await _turns.AcquireAsync(1, http.RequestAborted).ConfigureAwait(false);
        if (lease.IsAcquired)
        {
            http.Response.RegisterForDispose(lease);
            return lease;
        }

        lease.Dispose();
        http.Response.Headers.RetryAfter = "1";
        return null;
    }

    public void Dispose() => _turns.Dispose();
}
