using BalanceBot.Core.Reminders;
using Quartz;

namespace BalanceBot.Scheduling;

/// <summary>Every 30 s: send the movement prompts that are due (the logic is in Core's <see cref="ReminderSweep"/>).</summary>
[DisallowConcurrentExecution]
internal sealed partial class DueReminderSweepJob(ReminderSweep sweep, ILogger<DueReminderSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("due-reminder-sweep");

    public static readonly TriggerKey TriggerKey = new("due-reminder-sweep");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var summary = await sweep.RunOnceAsync(cancellationToken).ConfigureAwait(false);

        // Every 30 s: a sweep that did nothing is only worth a Debug line.
        var level = summary.Sent + summary.Skipped + summary.Failed > 0 ? LogLevel.Information : LogLevel.Debug;
        LogSweep(level, summary.Sent, summary.Skipped, summary.Unreachable, summary.Failed);
    }

    [LoggerMessage(Message = "Reminder sweep: {Sent} sent, {Skipped} skipped, {Unreachable} unreachable, {Failed} failed")]
    private partial void LogSweep(LogLevel level, int sent, int skipped, int unreachable, int failed);
}
