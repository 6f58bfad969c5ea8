using BalanceBot.Scheduling;
using Quartz;

namespace BalanceBot.Tests.Scheduling;

public sealed class CheckpointJobTests
{
    [Fact]
    public async Task The_checkpoint_job_runs_every_ten_minutes_and_skips_missed_runs()
    {
        await using var bot = await BotServer.StartAsync();
        var scheduler = await bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(await scheduler.GetTrigger(CheckpointJob.TriggerKey));

        Assert.Equal(TimeSpan.FromMinutes(10), trigger.RepeatInterval);
        Assert.Equal(SimpleTriggerMisfireInstruction.NextWithRemainingCount, trigger.MisfireInstruction);
    }

    [Fact]
    public async Task A_checkpoint_folds_the_log_into_the_data_file()
    {
        await using var bot = await BotServer.StartAsync();
        var scheduler = await bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var ran = new JobRanListener();
        scheduler.ListenerManager.AddJobListener(ran);
        await bot.PostAsync(bot.Fixture("teams-personal-message.json"));
        await bot.Connector.TakeAsync(4);
        var data = Path.Combine(bot.DataFolder, "bot.db");
        var log = Path.Combine(bot.DataFolder, "bot-log.db");
        var before = (Data: new FileInfo(data).Length, Log: new FileInfo(log).Length);

        await scheduler.TriggerJob(CheckpointJob.Key);
        await ran.Completed.Task.WaitAsync(Deadline.Default);

        Assert.True(before.Log > 0, "the turn should have written to the log");
        Assert.Equal(0, new FileInfo(log).Length);
        Assert.True(new FileInfo(data).Length > before.Data, "the checkpoint should have moved pages into the data file");
    }

    private sealed class JobRanListener : IJobListener
    {
        public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "test-job-ran";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (context.JobDetail.Key.Equals(CheckpointJob.Key))
            {
                Completed.TrySetResult();
            }

            return ValueTask.CompletedTask;
        }
    }
}
