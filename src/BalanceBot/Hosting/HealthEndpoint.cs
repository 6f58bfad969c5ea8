using BalanceBot.Storage;

namespace BalanceBot.Hosting;

internal static class HealthEndpoint
{
    /// <summary><c>GET /healthz</c>: 200 while the process serves and its database answers.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (BalanceBotDatabase database) =>
        {
            _ = database.Database.CollectionExists("conversations");
            return Results.Text("healthy", "text/plain");
        });
        return endpoints;
    }
}
