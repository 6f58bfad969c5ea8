using System.CommandLine;
using BalanceBot.Admin;
using BalanceBot.Channels.Console;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;
using BalanceBot.Hosting;
using BalanceBot.Storage;

namespace BalanceBot.Cli;

/// <summary><c>balancebot chat</c>: talk to the bot in the terminal, no Teams or Discord account needed.</summary>
internal static class ChatCommand
{
    private static readonly Option<string> User = new("--user")
    {
        Description = "Who you are in the chat; each name has its own conversation and settings.",
        DefaultValueFactory = _ => Environment.UserName,
    };

    public static Command Create()
    {
        var chat = new Command("chat", "Talk to BalanceBot in this terminal, with the same dialogs and storage as the server. Type 'quit' or press Ctrl+C to leave.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        chat.Options.Add(User);
        chat.SetAction(RunAsync);
        return chat;
    }

    /// <summary>
    /// Movement prompts due for terminal users appear in the chat while it runs. Only <c>console:</c> users are swept,
    /// so running the chat against a server's database never takes prompts meant for Teams or Discord users.
    /// </summary>
    private static async Task SweepConsoleRemindersAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var sweep = services.GetRequiredService<ReminderSweep>();
        var every = TimeSpan.FromSeconds(KnownSettings.Number(configuration, "Reminders:SweepIntervalSeconds"));
        using var timer = new PeriodicTimer(every, services.GetRequiredService<TimeProvider>());
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await sweep.RunOnceAsync(cancellationToken, userKeyPrefix: ChannelNames.ConsoleKeyPrefix).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The chat ended.
        }
    }

    /// <summary>Storage and conversations with what the terminal chat offers of export and the wellness team's dialogs.</summary>
    internal static IHostApplicationBuilder AddTerminalConversations(this IHostApplicationBuilder builder)
    {
        builder.AddStorage();
        builder.AddConversations();
        builder.AddDataExport();
        builder.AddAdminInChat();
        return builder;
    }

    private static Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        StartupErrors.GuardAsync(async () =>
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                Args = [.. parseResult.UnmatchedTokens],
                ContentRootPath = AppContext.BaseDirectory,
            });

            Hosting.RepositorySettings.UseRepositoryFile(builder.Configuration, Directory.GetCurrentDirectory());

            // Log lines would interleave with the conversation: keep only problems, and on stderr.
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(level => level >= LogLevel.Warning);
            builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
            builder.AddTerminalConversations();
            builder.Services.AddSingleton<ConsoleChat>();
            builder.Services.AddSingleton<IProactiveSender>(new ConsoleProactiveSender(System.Console.Out));

            using var host = builder.Build();
            host.Services.ValidateSettings();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            // Ctrl+C reaches the host's console lifetime, which stops the application: end the chat with it.
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
            var chat = host.Services.GetRequiredService<ConsoleChat>();
            var prompts = SweepConsoleRemindersAsync(host.Services, builder.Configuration, interrupted.Token);
            await chat.RunAsync(System.Console.In, System.Console.Out, parseResult.GetValue(User)!, interrupted.Token).ConfigureAwait(false);
            await interrupted.CancelAsync().ConfigureAwait(false);
            await prompts.ConfigureAwait(false);

            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return 0;
        });
}
