using BalanceBot.Hosting;
using BalanceBot.Storage;
using Microsoft.Extensions.Options;
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
        // Validated, not clamped (issue 14 §13): a value out of range has stopped start-up naming the key by now.
        var checkpointMinutes = builder.Configuration.GetSection(StorageOptions.Section).GetValue(nameof(StorageOptions.CheckpointIntervalMinutes), 10);
        if (checkpointMinutes is < 1 or > 1440)
        {
            // The same words as StorageOptions' own check, which would only run after the schedule is built.
            throw new OptionsValidationException(StorageOptions.Section, typeof(StorageOptions), ["Storage:CheckpointIntervalMinutes must be between 1 and 1440"]);
        }

        var checkpointEvery = TimeSpan.FromMinutes(checkpointMinutes);
        // How often due reminders are looked for (scheduling-storage.md §2.3); tests shorten it.
        var sweepEvery = TimeSpan.FromSeconds(KnownSettings.Number(builder.Configuration, "Reminders:SweepIntervalSeconds"));
        var firstSweepAfter = TimeSpan.FromSeconds(KnownSettings.Number(builder.Configuration, "Reminders:FirstSweepDelaySeconds"));
        var dispatchEvery = TimeSpan.FromSeconds(KnownSettings.Number(builder.Configuration, "Broadcasts:DispatchIntervalSeconds"));
        var firstDispatchAfter = TimeSpan.FromSeconds(KnownSettings.Number(builder.Configuration, "Broadcasts:FirstDispatchDelaySeconds"));
        builder.Services.AddHostedService<BroadcastRecoveryAtStart>();
        builder.Services.AddSingleton<BroadcastDispatchRecovery>();
        builder.Services.AddQuartz(quartz =>
        {
            quartz.AddJobListener<StorageFaultJobListener>();
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
