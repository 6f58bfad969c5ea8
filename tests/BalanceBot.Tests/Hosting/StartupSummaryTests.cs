using BalanceBot.Hosting;
using BalanceBot.Testing;

namespace BalanceBot.Tests.Hosting;

/// <summary>The one start-up line and the repository's settings file (issue 23).</summary>
public sealed class StartupSummaryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "balancebot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_server_logs_one_line_with_database_dialogs_channels_admin_api_and_url()
    {
        using var logs = new CapturedLogs();
        await using var bot = await BotServer.StartAsync(logs: logs);

        var summary = Assert.Single(logs.Entries, e => e.Contains("BalanceBot.Startup", StringComparison.Ordinal));

        Assert.Contains(bot.Http.BaseAddress!.ToString().TrimEnd('/'), summary, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(bot.DataFolder, "bot.db"), summary, StringComparison.Ordinal);
        Assert.Contains("dialogs " + Path.GetFullPath(RepositoryPaths.Dialogs), summary, StringComparison.Ordinal);
        Assert.Contains("Discord off", summary, StringComparison.Ordinal);
        Assert.Contains("admin API", summary, StringComparison.Ordinal);
        Assert.Contains("Bot Framework on", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_from_the_repository_its_own_appsettings_json_replaces_the_copy_beside_the_app()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "BalanceBot.sln"), "");
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), """{ "Storage": { "CheckpointIntervalMinutes": 7 } }""");
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile("appsettings.json", optional: true);
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Later:Source"] = "kept" });

        RepositorySettings.UseRepositoryFile(configuration, _folder);

        Assert.Equal("7", configuration["Storage:CheckpointIntervalMinutes"]);
        Assert.Equal("kept", configuration["Later:Source"]);
        Assert.Equal(Path.Combine(_folder, "appsettings.json"), RepositorySettings.InUse(_folder));
    }

    [Fact]
    public void Outside_the_repository_the_copy_beside_the_app_is_read()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), """{ "Storage": { "CheckpointIntervalMinutes": 7 } }""");
        var configuration = new ConfigurationManager();

        RepositorySettings.UseRepositoryFile(configuration, _folder);

        Assert.Null(configuration["Storage:CheckpointIntervalMinutes"]);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), RepositorySettings.InUse(_folder));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
