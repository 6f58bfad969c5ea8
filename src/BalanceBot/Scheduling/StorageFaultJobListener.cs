using BalanceBot.Storage;
using Quartz;

namespace BalanceBot.Scheduling;

/// <summary>
/// A system job that fails on a storage fault (full disk, lost mount) reports it like a request does, so the database
/// reopens its engine after the back-off and the job's next tick runs on it (issue 14 §7). The trigger itself keeps
/// firing: Quartz only logs a job's exception.
/// </summary>
internal sealed partial class StorageFaultJobListener(StorageFaultState faults, BroadcastDispatchRecovery broadcasts, ILogger<StorageFaultJobListener> logger) : IJobListener
{
    public string Name => "storage-faults";

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (StorageFault(jobException) is { } failure)
        {
            faults.MarkFaulted();
            if (context.JobDetail.Key.Equals(BroadcastDispatchJob.Key))
            {
                broadcasts.RecoverBeforeNextRun();
            }

            LogJobStorageFault(context.JobDetail.Key.Name, failure.GetType().Name);
        }
        else if (jobException is null && faults.IsFaulted)
        {
            // Every system job reads or writes storage: one that finished proves it works, like a request does.
            faults.MarkHealthy();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The storage fault in the chain Quartz wraps a job's exception in (JobExecutionException, then its own process exception).</summary>
    private static Exception? StorageFault(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (StorageFaultState.IsStorageFault(current))
            {
                return current;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage fault in job {Job} ({ExceptionType}); it runs again at its next tick")]
    private partial void LogJobStorageFault(string job, string exceptionType);
}

/// <summary>
/// After a dispatch that failed on storage, copies it had marked "sending" may have gone out without their outcome
/// being written. Before the next dispatch they become "unknown", as after a crash: reported, never sent twice, never
/// left "sending" until a restart.
/// </summary>
internal sealed class BroadcastDispatchRecovery
{
    private int _pending;

    public void RecoverBeforeNextRun() => Volatile.Write(ref _pending, 1);

    /// <summary>True once after a storage fault: the caller marks the copies in flight "unknown" now.</summary>
    public bool TakePending() => Interlocked.Exchange(ref _pending, 0) == 1;
}
