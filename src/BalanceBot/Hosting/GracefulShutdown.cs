namespace BalanceBot.Hosting;

/// <summary>
/// SIGTERM (issue 8): the host stops taking requests, lets turns in flight finish and send their replies, stops the
/// scheduler after the job that is running, and disposes the database, which checkpoints it. All of it within
/// <see cref="Timeout"/>, so an orchestrator's usual 10 s grace period never ends in a SIGKILL.
/// </summary>
internal static class GracefulShutdown
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(8);

    public static IHostApplicationBuilder AddGracefulShutdown(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = Timeout);
        return builder;
    }
}
