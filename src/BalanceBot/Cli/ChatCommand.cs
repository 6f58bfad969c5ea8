using System.CommandLine;
using BalanceBot.Channels.Console;
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

    private static Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        StartupErrors.GuardAsync(async () =>
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                Args = [.. parseResult.UnmatchedTokens],
                ContentRootPath = AppContext.BaseDirectory,
            });

            // Log lines would interleave with the conversation: keep only problems, and on stderr.
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(level => level >= LogLevel.Warning);
            builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
            builder.AddStorage();
            builder.AddConversations();
            builder.Services.AddSingleton<ConsoleChat>();

            using var host = builder.Build();
            host.Services.ValidateSettings();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            // Ctrl+C reaches the host's console lifetime, which stops the application: end the chat with it.
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
            var chat = host.Services.GetRequiredService<ConsoleChat>();
            await chat.RunAsync(System.Console.In, System.Console.Out, parseResult.GetValue(User)!, interrupted.Token).ConfigureAwait(false);

            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return 0;
        });
}
