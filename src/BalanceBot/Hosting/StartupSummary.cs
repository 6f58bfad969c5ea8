using BalanceBot.Admin;
using BalanceBot.Channels.BotFramework;
using BalanceBot.Channels.Discord;
using BalanceBot.Storage;
using Microsoft.Extensions.Options;

namespace BalanceBot.Hosting;

/// <summary>
/// One line once the server listens: where its state and content come from and what is switched on, so a newcomer
/// sees at a glance which database, dialogs and settings file this run uses. Paths and switches only, no secrets.
/// </summary>
internal static partial class StartupSummary
{
    public static void MapStartupSummary(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var services = app.Services;
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("BalanceBot.Startup");
            if (!logger.IsEnabled(LogLevel.Information))
            {
                return;
            }

            var botFramework = services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.IsLocalMode ? "on, local mode (no app id)" : "on, app id set";
            var urls = string.Join(", ", app.Urls);
            var database = Path.GetFullPath(services.GetRequiredService<IOptions<StorageOptions>>().Value.Path);
            var dialogs = Path.GetFullPath(DialogsOptions.ResolveFolder(app.Configuration[$"{DialogsOptions.Section}:Path"]));
            var settings = RepositorySettings.InUse(Directory.GetCurrentDirectory());
            var discord = services.GetRequiredService<IOptions<DiscordOptions>>().Value.IsEnabled ? "on" : "off";
            var admin = services.GetRequiredService<IOptions<AdminOptions>>().Value.IsEnabled ? "on" : "off";
            Log(logger, urls, database, dialogs, settings, botFramework, discord, admin);
        });
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "BalanceBot listening on {Urls}; database {DatabasePath}; dialogs {DialogsFolder}; settings {SettingsFile}; Bot Framework {BotFramework}; Discord {Discord}; admin API {AdminApi}")]
    private static partial void Log(ILogger logger, string urls, string databasePath, string dialogsFolder, string settingsFile, string botFramework, string discord, string adminApi);
}
