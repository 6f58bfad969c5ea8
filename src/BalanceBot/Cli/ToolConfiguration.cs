using System.CommandLine;

namespace BalanceBot.Cli;

/// <summary>
/// Settings for the one-shot tool verbs (<c>teams package</c>, <c>discord register-commands</c>): appsettings.json,
/// then the environment, then <c>--Key=value</c> arguments the verb did not claim, as the server reads them.
/// </summary>
internal static class ToolConfiguration
{
    public static IConfigurationRoot Build(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. parseResult.UnmatchedTokens]);
        Hosting.RepositorySettings.UseRepositoryFile(configuration, Directory.GetCurrentDirectory());
        return configuration.Build();
    }
}
