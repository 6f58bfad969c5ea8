using BalanceBot.Admin;
using BalanceBot.Channels.BotFramework;
using BalanceBot.Channels.Discord;
using BalanceBot.Cli;
using BalanceBot.Exercises;
using BalanceBot.Hosting;
using BalanceBot.Scheduling;
using BalanceBot.Storage;

namespace BalanceBot;

/// <summary>The table of contents: the command line, and the server as a list of areas.</summary>
public static class Program
{
    /// <remarks>
    /// SIGTERM and Ctrl+C are left to the hosts' own console lifetime, which shuts down gracefully (in-flight turns and
    /// sends finish, the database is checkpointed); System.CommandLine would end the process 2 s after the signal.
    /// </remarks>
    public static Task<int> Main(string[] args) =>
        BalanceBotCommandLine.Create().Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { ProcessTerminationTimeout = null });

    /// <summary>The bot server. Tests and benchmarks call this with their own settings in <paramref name="configure"/>.</summary>
    internal static WebApplication BuildServer(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.AddRepositorySettings();
        builder.Services.AddProblemDetails();
        configure?.Invoke(builder);
        builder.AddInboundLimits();
        builder.AddGracefulShutdown();
        builder.AddStorage();
        builder.AddConversations();
        builder.AddDataExport();
        builder.AddExercisePictures();
        builder.AddBotFrameworkChannel();
        builder.AddDiscordChannel();
        builder.AddAdmin();
        builder.AddScheduling();

        var app = builder.Build();
        app.Services.ValidateSettings();
        app.UseExceptionHandler();
        app.UseStorageFaultRecovery();
        app.UseStatusCodePages();
        app.MapHealth();
        app.MapDataExport();
        app.MapExercisePictures();
        app.MapBotFramework();
        app.MapDiscord();
        app.MapAdmin();
        app.MapStartupSummary();
        return app;
    }
}
