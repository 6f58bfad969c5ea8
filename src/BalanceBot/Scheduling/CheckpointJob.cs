using BalanceBot.Storage;
using Quartz;

namespace BalanceBot.Scheduling;

/// <summary>
/// Folds LiteDB's log into the data file. Auto-checkpoint is skipped whenever a transaction is open, so in a busy
/// service the log would grow without bound (scheduling-storage.md §4.3).
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class CheckpointJob(BalanceBotDatabase database, ILogger<CheckpointJob> logger) : IJob
{
    public static readonly JobKey Key = new("litedb-checkpoint");

    public static readonly TriggerKey TriggerKey = new("litedb-checkpoint");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        database.Checkpoint();
        LogCheckpoint();
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "LiteDB checkpoint done")]
    private partial void LogCheckpoint();
}
