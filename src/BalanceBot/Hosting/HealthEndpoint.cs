using BalanceBot.Channels.BotFramework;
using BalanceBot.Channels.Discord;
using BalanceBot.Storage;
using LiteDB;
using Microsoft.Extensions.Options;
using Quartz;

namespace BalanceBot.Hosting;

internal static class HealthEndpoint
{
    /// <summary>
    /// <c>GET /healthz</c> (live): 200 while the process serves and its database answers. <c>GET /readyz</c> (ready,
    /// for orchestrators): 200 only when storage answers and the scheduler runs, with what each channel is set to;
    /// 503 otherwise.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (BalanceBotDatabase database) =>
        {
            _ = database.Database.CollectionExists("conversations");
            return Results.Text("healthy", "text/plain");
        });
        endpoints.MapGet("/readyz", async (BalanceBotDatabase database, StorageFaultState faults, ISchedulerFactory schedulers, IOptions<BotFrameworkOptions> teams, IOptions<DiscordOptions> discord, CancellationToken cancellationToken) =>
        {
            var storage = !faults.IsFaulted && StorageAnswers(database);
            var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
            var running = scheduler.Status == SchedulerStatus.Running;
            var report = new Dictionary<string, string>
            {
                ["storage"] = storage ? "ok" : "unavailable",
                ["scheduler"] = running ? "running" : "stopped",
                ["botframework"] = string.IsNullOrWhiteSpace(teams.Value.MicrosoftAppId) ? "local (no app id)" : "configured",
                ["discord"] = discord.Value.IsEnabled ? "configured" : "off",
            };
            return Results.Json(report, statusCode: storage && running ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }

    private static bool StorageAnswers(BalanceBotDatabase database)
    {
        try
        {
            _ = database.Database.CollectionExists("conversations");
            return true;
        }
        catch (Exception ex) when (ex is LiteException or IOException or ObjectDisposedException)
        {
            return false;
        }
    }
}
