using BalanceBot.Storage;
using Microsoft.Extensions.Options;

namespace BalanceBot.Admin;

/// <summary>
/// <c>/api/admin</c>: broadcasts, campaigns, statistics and the audit log for the wellness team (issue 7), behind a bearer key checked against configured
/// hashes. Off (404) until a hash is configured. Every call is audited by the service. The key is checked before
/// the body is even parsed, so an anonymous caller learns nothing (no 400 or 415), and every refusal is audited too:
/// who is "anonymous" or the first characters of the key offered, never the key (issue 14 §10).
/// </summary>
internal static class AdminEndpoints
{
    private const string WhoItem = "balancebot.admin";

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<AdminOptions>>().Value.IsEnabled)
        {
            return endpoints;
        }

        var admin = endpoints.MapGroup("/api/admin").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var header = http.Request.Headers.Authorization.ToString();
            var who = header.StartsWith("Bearer ", StringComparison.Ordinal)
                ? http.RequestServices.GetRequiredService<AdminApiKeys>().Identify(header["Bearer ".Length..].Trim())
                : null;
            if (who is null)
            {
                http.RequestServices.GetRequiredService<IAuditLog>().Record(RefusedCaller(header), "admin.refused", $"{http.Request.Method} {http.Request.Path}");
                http.Response.Headers.WWWAuthenticate = "Bearer realm=\"balancebot-admin\"";
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "An admin key is required",
                    detail: "Send Authorization: Bearer <key>, with a key whose SHA-256 is in Admin:ApiKeySha256.");
            }

            http.Items[WhoItem] = who;
            return await next(context).ConfigureAwait(false);
        });

        admin.MapPost("/broadcasts", async (HttpContext http, BroadcastService broadcasts) =>
        {
            if (await ReadBodyAsync<BroadcastRequest>(http).ConfigureAwait(false) is not { } request)
            {
                return BadBody(http);
            }

            var (created, problems) = broadcasts.Create(request, Who(http));
            return created is null
                ? Results.ValidationProblem(problems, title: "The broadcast cannot be sent as asked")
                : Results.Created($"/api/admin/broadcasts/{created.Id}", created);
        });
        admin.MapPost("/campaigns", async (HttpContext http, BroadcastService broadcasts) =>
        {
            if (await ReadBodyAsync<CampaignRequest>(http).ConfigureAwait(false) is not { } request)
            {
                return BadBody(http);
            }

            var (created, problems) = broadcasts.CreateCampaign(request, Who(http));
            return created is null
                ? Results.ValidationProblem(problems, title: "The campaign cannot be scheduled as asked")
                : Results.Created($"/api/admin/broadcasts?campaign={created.CampaignId}", created);
        });
        admin.MapGet("/broadcasts", (HttpContext http, BroadcastService broadcasts) => Results.Ok(broadcasts.List(Who(http))));
        admin.MapGet("/broadcasts/{id}", (HttpContext http, string id, BroadcastService broadcasts) =>
            broadcasts.Find(id, Who(http)) is { } status ? Results.Ok(status) : Results.NotFound());
        admin.MapDelete("/broadcasts/{id}", (HttpContext http, string id, BroadcastService broadcasts) => broadcasts.Cancel(id, Who(http)) switch
        {
            null => Results.NotFound(),
            true => Results.NoContent(),
            false => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The broadcast has already started",
                detail: "Copies have gone out, so it can no longer be cancelled as a whole."),
        });
        admin.MapGet("/audit", (HttpContext http, IAuditLog audit) =>
        {
            audit.Record(Who(http), "audit.read", null);
            return Results.Ok(audit.Recent(200).Select(e => new { at = e.At, who = e.Who, action = e.Action, target = e.Target }));
        });
        admin.MapGet("/stats", (HttpContext http, int? weeks, StatsService stats) => Results.Ok(stats.Compute(weeks, Who(http))));
        admin.MapGet("/stats.csv", (HttpContext http, int? weeks, StatsService stats) =>
            Results.Text(StatsService.ToCsv(stats.Compute(weeks, Who(http)).Cells), "text/csv"));
        return endpoints;
    }

    private static string Who(HttpContext http) => (string)http.Items[WhoItem]!;

    /// <summary>Enough of an offered key to tell two callers apart in the audit log, never enough to use it.</summary>
    private static string RefusedCaller(string header) =>
        header.StartsWith("Bearer ", StringComparison.Ordinal) && header["Bearer ".Length..].Trim() is { Length: > 0 } offered
            ? "key " + offered[..Math.Min(6, offered.Length)] + "…"
            : "anonymous";

    /// <summary>Parsed only once the caller is known to hold a key; null when it is not a JSON object of the right shape.</summary>
    private static async Task<T?> ReadBodyAsync<T>(HttpContext http)
        where T : class
    {
        if (!http.Request.HasJsonContentType())
        {
            http.Items[BadBodyItem] = StatusCodes.Status415UnsupportedMediaType;
            return null;
        }

        try
        {
            return await http.Request.ReadFromJsonAsync<T>(http.RequestAborted).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            http.Items[BadBodyItem] = StatusCodes.Status413PayloadTooLarge;
            return null;
        }
    }

    private const string BadBodyItem = "balancebot.admin.badBody";

    private static IResult BadBody(HttpContext http) => http.Items[BadBodyItem] is int status
        ? Results.Problem(statusCode: status, title: status == StatusCodes.Status415UnsupportedMediaType ? "Send the request as application/json" : "The request body is too large")
        : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is not valid JSON of the expected shape");
}
