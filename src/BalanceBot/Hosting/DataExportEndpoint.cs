using BalanceBot.Core.Privacy;
using Microsoft.AspNetCore.Mvc;
using BalanceBot.Storage;

namespace BalanceBot.Hosting;

/// <summary>"Export my data" (issue 8): a one-use link from the chat serves the user's data as a JSON download.</summary>
internal static partial class DataExportEndpoint
{
    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static IHostApplicationBuilder AddDataExport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PrivacyOptions>()
            .Bind(builder.Configuration.GetSection(PrivacyOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<DataExportLinks>();
        builder.Services.AddSingleton<IUserDataExport>(services => services.GetRequiredService<DataExportLinks>());
        builder.Services.AddSingleton<LiteDbUserDataExporter>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDataExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(DataExportLinks.Path, async ([FromQuery(Name = DataExportLinks.SecretParameter)] string? secret, DataExportLinks links, LiteDbUserDataExporter exporter, HttpContext http, ILoggerFactory loggers) =>
        {
            if (string.IsNullOrEmpty(secret) || links.Redeem(secret) is not { } export)
            {
                return Results.Problem(
                    "This link has expired or was already used. Type \"export my data\" in the chat for a new one.",
                    statusCode: StatusCodes.Status404NotFound,
                    title: "Link not valid");
            }

            var json = await exporter.ExportAsync(export.UserKey, export.ConversationKey, http.RequestAborted).ConfigureAwait(false);
            var logger = loggers.CreateLogger(typeof(DataExportEndpoint).FullName!);
            LogExported(logger, export.UserKey);
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"balancebot-my-data.json\"";
            return Results.Text(json.ToJsonString(Indented), "application/json");
        });
        return endpoints;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data export downloaded by {UserKey}")]
    private static partial void LogExported(ILogger logger, string userKey);
}
