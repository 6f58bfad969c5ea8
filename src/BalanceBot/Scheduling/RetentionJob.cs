using BalanceBot.Storage;
using Quartz;

namespace BalanceBot.Scheduling;

/// <summary>Nightly, at a quiet hour (03:30 UTC), deletes data past its retention period.</summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(DataRetention retention) : IJob
{
    public static readonly JobKey Key = new("retention");

    public static readonly TriggerKey TriggerKey = new("retention");

    /// <summary>Seconds, minutes, hours, day of month, month, day of week: every day at 03:30.</summary>
    public const string Schedule = "0 30 3 * * ?";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        retention.Run();
        return ValueTask.CompletedTask;
    }
}
