using BalanceBot.Core.Reminders;
using Quartz;

namespace BalanceBot.Scheduling;

/// <summary>Every 30 s: send the movement prompts that are due (the logic is in Core's <see cref="ReminderSweep"/>).</summary>
[DisallowConcurrentExecution]
internal sealed partial class DueReminderSweepJob(ReminderSweep sweep, IHostApplicationLifetime lifetime, ILogger<DueReminderSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("due-reminder-sweep");

    public static readonly TriggerKey TriggerKey = new("due-reminder-sweep");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Shutdown (SIGTERM) lets the claimed page's prompts go out and claims no other.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var summary = await sweep.RunOnceAsync(stopping.Token).ConfigureAwait(false);

        // Every 30 s: a sweep that did nothing is only worth a Debug line.
        var level = summary.Sent + summary.Skipped + summary.Failed > 0 ? LogLevel.Information : LogLevel.Debug;
        LogSweep(level, summary.Sent, summary.Skipped, summary.Unreachable, summary.Failed);
    }

    [LoggerMessage(Message = "Reminder sweep: {Sent} sent, {Skipped} skipped, {Unreachable} unreachable, {Failed} failed")]
    private partial void LogSweep(LogLevel level, int sent, int skipped, int unreachable, int failed);
}
