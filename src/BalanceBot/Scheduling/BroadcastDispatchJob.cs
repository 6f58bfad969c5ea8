using BalanceBot.Core.Broadcasts;
using Quartz;

namespace BalanceBot.Scheduling;

/// <summary>Every few seconds: send the broadcast copies that are due (the logic is in Core's <see cref="BroadcastDispatcher"/>).</summary>
[DisallowConcurrentExecution]
internal sealed partial class BroadcastDispatchJob(BroadcastDispatcher dispatcher, BroadcastDispatchRecovery recovery, IHostApplicationLifetime lifetime, ILogger<BroadcastDispatchJob> logger) : IJob
{
    public static readonly JobKey Key = new("broadcast-dispatch");

    public static readonly TriggerKey TriggerKey = new("broadcast-dispatch");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Shutdown (SIGTERM) lets the batch in flight finish and starts no other.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        if (recovery.TakePending())
        {
            try
            {
                dispatcher.RecoverAfterRestart();
            }
            catch
            {
                // Still failing: try again at the next tick.
                recovery.RecoverBeforeNextRun();
                throw;
            }
        }

        var summary = await dispatcher.RunOnceAsync(stopping.Token).ConfigureAwait(false);
        if (summary.Total > 0)
        {
            LogDispatch(summary.Total, summary[DeliveryState.Sent], summary[DeliveryState.Queued], summary[DeliveryState.Failed] + summary[DeliveryState.Unreachable]);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcasts: {Handled} copies handled, {Sent} sent, {Retrying} to retry, {NotDelivered} failed or unreachable")]
    private partial void LogDispatch(int handled, int sent, int retrying, int notDelivered);
}

/// <summary>
/// Before the first dispatch after a start: copies left "sending" by a crash become "unknown" (DESIGN §5), so they
/// are reported, never sent twice and never silently dropped.
/// </summary>
internal sealed class BroadcastRecoveryAtStart(BroadcastDispatcher dispatcher) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        dispatcher.RecoverAfterRestart();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
