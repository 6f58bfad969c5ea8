using BalanceBot.Storage;
using Quartz;

namespace BalanceBot.Scheduling;

internal static class SchedulingSetup
{

    /// <summary>
    /// Quartz runs the system jobs only; per-user schedules live in LiteDB (DESIGN §5). Misfires are skipped
    /// scheduler-wide so that downtime never turns into a burst of catch-up runs (scheduling-storage.md §1.3).
    /// </summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        var checkpointEvery = TimeSpan.FromMinutes(Math.Clamp(
            builder.Configuration.GetSection(StorageOptions.Section).GetValue(nameof(StorageOptions.CheckpointIntervalMinutes), 10), 1, 1440));
        // How often due reminders are looked for (scheduling-storage.md §2.3); tests shorten it.
        var sweepEvery = TimeSpan.FromSeconds(Math.Clamp(builder.Configuration.GetValue("Reminders:SweepIntervalSeconds", 30), 1, 3600));
        var firstSweepAfter = TimeSpan.FromSeconds(Math.Clamp(builder.Configuration.GetValue("Reminders:FirstSweepDelaySeconds", 1), 0, 86400));
        var dispatchEvery = TimeSpan.FromSeconds(Math.Clamp(builder.Configuration.GetValue("Broadcasts:DispatchIntervalSeconds", 5), 1, 3600));
        var firstDispatchAfter = TimeSpan.FromSeconds(Math.Clamp(builder.Configuration.GetValue("Broadcasts:FirstDispatchDelaySeconds", 1), 0, 86400));
        // No silent clamping (issue 14 §13): a value out of range stops start-up naming the key.
        builder.Services.AddOptions<SchedulingIntervals>()
            .Configure(intervals =>
            {
                intervals.ReminderSweepSeconds = builder.Configuration.GetValue("Reminders:SweepIntervalSeconds", 30);
                intervals.BroadcastDispatchSeconds = builder.Configuration.GetValue("Broadcasts:DispatchIntervalSeconds", 5);
            })
            .Validate(intervals => intervals.ReminderSweepSeconds is >= 1 and <= 3600, "Reminders:SweepIntervalSeconds must be between 1 and 3600.")
            .Validate(intervals => intervals.BroadcastDispatchSeconds is >= 1 and <= 3600, "Broadcasts:DispatchIntervalSeconds must be between 1 and 3600.")
            .ValidateOnStart();
        builder.Services.AddHostedService<BroadcastRecoveryAtStart>();
        builder.Services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "balancebot";
                scheduler.DefaultMisfireHandling = DefaultMisfireHandling.DoNothing;
                scheduler.DefaultTimeZone = TimeZoneInfo.Utc;
            });
            quartz.UseDefaultThreadPool(maxConcurrency: 4);
            quartz.UseInMemoryStore(store => store.MisfireThreshold = TimeSpan.FromSeconds(30));
            quartz.ScheduleJob<CheckpointJob>(
                trigger => trigger
                    .WithIdentity(CheckpointJob.TriggerKey)
                    .StartAt(TimeProvider.System.GetUtcNow() + checkpointEvery) // Quartz keeps the system clock; nothing to fold at start
                    .WithSimpleSchedule(schedule => schedule.WithInterval(checkpointEvery).RepeatForever()),
                job => job.WithIdentity(CheckpointJob.Key));
            quartz.ScheduleJob<DueReminderSweepJob>(
                trigger => trigger
                    .WithIdentity(DueReminderSweepJob.TriggerKey)
                    .StartAt(TimeProvider.System.GetUtcNow() + firstSweepAfter) // prompts resume right after a restart
                    .WithSimpleSchedule(schedule => schedule.WithInterval(sweepEvery).RepeatForever()),
                job => job.WithIdentity(DueReminderSweepJob.Key));
            quartz.ScheduleJob<BroadcastDispatchJob>(
                trigger => trigger
                    .WithIdentity(BroadcastDispatchJob.TriggerKey)
                    .StartAt(TimeProvider.System.GetUtcNow() + firstDispatchAfter)
                    .WithSimpleSchedule(schedule => schedule.WithInterval(dispatchEvery).RepeatForever()),
                job => job.WithIdentity(BroadcastDispatchJob.Key));
            quartz.ScheduleJob<RetentionJob>(
                trigger => trigger
                    .WithIdentity(RetentionJob.TriggerKey)
                    .WithCronSchedule(RetentionJob.Schedule, cron => cron.InTimeZone(TimeZoneInfo.Utc)),
                job => job.WithIdentity(RetentionJob.Key));
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }
}

/// <summary>How often the system jobs run, validated at start-up instead of clamped.</summary>
internal sealed class SchedulingIntervals
{
    public int ReminderSweepSeconds { get; set; }

    public int BroadcastDispatchSeconds { get; set; }
}
