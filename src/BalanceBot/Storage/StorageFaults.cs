using LiteDB;
using Microsoft.AspNetCore.Diagnostics;

namespace BalanceBot.Storage;

/// <summary>
/// Whether the last storage operation a request made failed with an I/O fault (full disk, lost mount). A fault is
/// temporary: channels are told to retry (503 + Retry-After), <c>/readyz</c> says 503, and the first request that
/// completes without a fault once the disk is back clears it, with nobody restarting the process (issue 14 §7).
/// </summary>
internal sealed class StorageFaultState(BalanceBotDatabase database)
{
    private int _faulted;

    public bool IsFaulted => Volatile.Read(ref _faulted) == 1 || database.IsFaulted;

    /// <summary>Not ready until real work succeeds again; the database checks its engine after the back-off.</summary>
    public void MarkFaulted()
    {
        Volatile.Write(ref _faulted, 1);
        database.ReportFault();
    }

    public void MarkHealthy() => Volatile.Write(ref _faulted, 0);

    /// <summary>
    /// An I/O failure of the disk under the database, as opposed to a bug in the code that called it; also the
    /// "engine closed" error LiteDB gives every call after it closed itself on such a failure.
    /// </summary>
    public static bool IsStorageFault(Exception exception) =>
        exception is IOException
        || exception is LiteException { InnerException: IOException }
        || exception is LiteException { ErrorCode: LiteException.ENGINE_DISPOSED }
        || exception is ObjectDisposedException { ObjectName: "LiteDatabase" or "LiteEngine" };
}

/// <summary>Turns a storage I/O fault that escaped a request into 503 + Retry-After instead of a 500.</summary>
internal sealed partial class StorageFaultHandler(StorageFaultState state, ILogger<StorageFaultHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a channel waits before it retries; Teams and Discord both honour the header.</summary>
    public const string RetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!StorageFaultState.IsStorageFault(exception))
        {
            return false;
        }

        state.MarkFaulted();
        // The type only: an I/O message can carry a path, never a user's text, but ids are all the log needs.
        LogStorageFault(httpContext.Request.Path, exception.GetType().Name);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        await httpContext.Response.WriteAsJsonAsync(new { title = "Service unavailable", status = 503 }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage fault on {Path} ({ExceptionType}); answered 503 with Retry-After")]
    private partial void LogStorageFault(string path, string exceptionType);
}

internal static class StorageFaultMiddleware
{
    /// <summary>
    /// A request other than a health probe that completes without a storage fault proves storage works again.
    /// Health probes are left out so that <c>/readyz</c> keeps saying 503 until real work succeeds.
    /// </summary>
    public static IApplicationBuilder UseStorageFaultRecovery(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            await next(http).ConfigureAwait(false);
            var state = http.RequestServices.GetRequiredService<StorageFaultState>();
            if (state.IsFaulted && http.Response.StatusCode < 500 && !http.Request.Path.StartsWithSegments("/readyz") && !http.Request.Path.StartsWithSegments("/healthz"))
            {
                state.MarkHealthy();
            }
        });
}
