using System.CommandLine;

namespace BalanceBot.Cli;

/// <summary><c>balancebot serve</c>: the HTTP server with the Bot Framework endpoint, health check and scheduler.</summary>
internal static class ServeCommand
{
    private static readonly Option<string> Urls = new("--urls")
    {
        Description = "Addresses to listen on, e.g. http://localhost:3978 (default: http://localhost:5000). Any other ASP.NET Core option, such as --Storage:Path=data/bot.db, is passed on too.",
    };

    public static Command Create()
    {
        var serve = new Command("serve", "Start the bot server: POST /api/messages (Bot Framework), GET /healthz and the scheduled jobs.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        Describe(serve);
        serve.SetAction(RunAsync);
        return serve;
    }

    public static void Describe(Command command) => command.Options.Add(Urls);

    public static Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var hostArgs = new List<string>(parseResult.UnmatchedTokens);
        if (parseResult.GetValue(Urls) is { Length: > 0 } urls)
        {
            hostArgs.Add("--urls");
            hostArgs.Add(urls);
        }

        return StartupErrors.GuardAsync(async () =>
        {
            // The host logs a start-up failure with its stack trace before rethrowing it; StartupErrors prints the
            // failures a person can fix in one line, and anything else still surfaces with its stack trace when
            // rethrown. A background service that stops the host is still logged (Critical).
            await using var app = Program.BuildServer([.. hostArgs], builder =>
                builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level >= LogLevel.Critical));
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
    }
}
