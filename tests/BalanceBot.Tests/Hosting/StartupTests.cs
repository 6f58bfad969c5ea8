using BalanceBot.Core.Conversations;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BalanceBot.Tests.Hosting;

/// <summary>An invalid setting or dialog file stops start-up with a message that names what to fix.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "balancebot-tests", Guid.NewGuid().ToString("N"));

    private async Task<Exception> StartFailureAsync(Dictionary<string, string?> settings)
    {
        return await Record.ExceptionAsync(async () =>
        {
            await using var app = BotServer.BuildApp(_folder, settings, new FakeTimeProvider());
            await app.StartAsync();
            await app.StopAsync();
        }) ?? throw new Xunit.Sdk.XunitException("start-up did not fail");
    }

    [Theory]
    [InlineData("Storage:CheckpointIntervalMinutes", "0", "Storage:CheckpointIntervalMinutes must be between 1 and 1440")]
    [InlineData("Storage:Path", "", "Storage:Path must name the database file")]
    [InlineData("MicrosoftAppType", "Everyone", "MicrosoftAppType must be one of MultiTenant, SingleTenant, UserAssignedMsi")]
    [InlineData("MicrosoftAppId", "1b2c3d4e-0000-4000-8000-000000000001", "MicrosoftAppPassword (or MicrosoftAppCertificatePath) is required with MicrosoftAppType MultiTenant")]
    [InlineData("Safety:DefaultCountry", "FR", "Safety:DefaultCountry 'FR' has no contacts: use one of DE, GB, US, or add Safety:Countries:FR.")]
    [InlineData("Safety:Countries:FR:Emergency", "112", "Safety:Countries:FR:UrgentHelp is required")]
    [InlineData("Discord:PublicKey", "MTA4NzY1NDMyMTA5ODc2NTQzMg.bot-token-by-mistake", "Discord:PublicKey must be the application's public key")]
    [InlineData("Discord:ApplicationId", "my-app", "Discord:ApplicationId must be the application's numeric id")]
    [InlineData("Reminders:SweepIntervalSecond", "5", "Reminders:SweepIntervalSecond is not a setting; did you mean Reminders:SweepIntervalSeconds?")]
    [InlineData("Storage:CheckpointInterval", "5", "Storage:CheckpointInterval is not a setting; did you mean Storage:CheckpointIntervalMinutes?")]
    [InlineData("Hosting:MaxConcurrentTurns", "0", "Hosting:MaxConcurrentTurns must be between 1 and 10000")]
    [InlineData("Hosting:BodyReadTimeoutSeconds", "601", "Hosting:BodyReadTimeoutSeconds must be between 1 and 600")]
    [InlineData("Conversations:TurnLimitWindowSeconds", "0", "Conversations:TurnLimitWindowSeconds must be between 1 and 3600")]
    [InlineData("Reminders:FirstSweepDelaySeconds", "-1", "Reminders:FirstSweepDelaySeconds must be between 0 and 86400")]
    public async Task An_invalid_setting_stops_start_up_naming_the_key(string key, string value, string expected)
    {
        var failure = await StartFailureAsync(new() { [key] = value });

        var validation = Assert.IsType<OptionsValidationException>(failure);
        Assert.Contains(validation.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Discord:BroadcastPermission", "ManageGuild", "Discord:BroadcastPermission must be a decimal permission bitfield")]
    [InlineData("Discord:ApiBaseUrl", "http://discord.example/api", "Discord:ApiBaseUrl must be an https URL")]
    [InlineData("Discord:AcknowledgeWithinMilliseconds", "3000", "Discord:AcknowledgeWithinMilliseconds must be between 0 and 2500")]
    [InlineData("Discord:InvalidRequestLimit", "10000", "Discord:InvalidRequestLimit must be between 1 and 9000")]
    [InlineData("Discord:GlobalRequestsPerWindow", "0", "Discord:GlobalRequestsPerWindow and Discord:GlobalRateLimitWindowMilliseconds must be positive")]
    public async Task A_Discord_setting_that_cannot_work_stops_start_up_naming_it(string key, string value, string expected)
    {
        using var application = new TestDiscordApplication();
        var failure = await StartFailureAsync(new()
        {
            ["Discord:ApplicationId"] = "787271007046991882",
            ["Discord:PublicKey"] = application.PublicKey,
            [key] = value,
        });

        var validation = Assert.IsType<OptionsValidationException>(failure);
        Assert.Contains(validation.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MultiTenant", "", "missing.pfx", "missing.pfx' does not exist.")]
    [InlineData("SingleTenant", "", "exists.pfx", "exists.pfx' could not be read as a PFX file with MicrosoftAppCertificatePassword.")]
    [InlineData("MultiTenant", "secret", "exists.pfx", "Set MicrosoftAppPassword or MicrosoftAppCertificatePath, not both")]
    [InlineData("UserAssignedMsi", "", "exists.pfx", "MicrosoftAppCertificatePath must be empty with MicrosoftAppType UserAssignedMsi")]
    [InlineData("UserAssignedMsi", "secret", "", "MicrosoftAppPassword must be empty with MicrosoftAppType UserAssignedMsi")]
    public async Task A_credential_that_cannot_be_used_stops_start_up(string appType, string password, string certificateFile, string expected)
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "exists.pfx"), "not a PFX file");
        var failure = await StartFailureAsync(new()
        {
            ["MicrosoftAppId"] = "1b2c3d4e-0000-4000-8000-000000000001",
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppTenantId"] = "contoso-tenant",
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppCertificatePath"] = certificateFile.Length == 0 ? "" : Path.Combine(_folder, certificateFile),
        });

        var validation = Assert.IsType<OptionsValidationException>(failure);
        Assert.Contains(validation.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_setting_of_the_wrong_type_stops_start_up_naming_the_key()
    {
        var failure = await StartFailureAsync(new() { ["Storage:CheckpointIntervalMinutes"] = "ten" });

        Assert.IsType<InvalidOperationException>(failure);
        Assert.Contains("Storage:CheckpointIntervalMinutes", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_dialog_file_stops_start_up_with_file_and_line()
    {
        var dialogs = Path.Combine(_folder, "dialogs");
        Directory.CreateDirectory(dialogs);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Dialogs, "*.yaml"))
        {
            File.Copy(file, Path.Combine(dialogs, Path.GetFileName(file)));
        }

        await File.WriteAllTextAsync(Path.Combine(dialogs, "zz_broken.yaml"), "id: broken\nsteps:\n  - id: hello\n    say: Hi {who}.\n");

        var failure = await StartFailureAsync(new() { ["Dialogs:Path"] = dialogs });

        var invalid = Assert.IsType<DialogValidationException>(failure);
        Assert.Contains(invalid.Problems, p => p.ToString().StartsWith(Path.Combine(dialogs, "zz_broken.yaml") + ":3: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MicrosoftAppPassword")]
    [InlineData("MicrosoftAppCertificatePassword")]
    [InlineData("Discord:BotToken")]
    public async Task A_secret_in_a_json_settings_file_stops_start_up(string key)
    {
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "appsettings.Local.json");
        await File.WriteAllTextAsync(file, JsonFor(key, "committed-by-mistake"));

        var failure = await Record.ExceptionAsync(() =>
        {
            var app = Program.BuildServer(["--urls", "http://127.0.0.1:0"], builder =>
            {
                builder.Configuration.AddJsonFile(file);
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = Path.Combine(_folder, "bot.db"), ["Dialogs:Path"] = RepositoryPaths.Dialogs });
            });
            return app.DisposeAsync().AsTask();
        });

        var validation = Assert.IsType<OptionsValidationException>(failure);
        Assert.Contains(validation.Failures, f => f.StartsWith($"{key} is set in appsettings.Local.json", StringComparison.Ordinal));
    }

    /// <summary>A settings file holding <paramref name="key"/> (sections split at ':').</summary>
    private static string JsonFor(string key, string value)
    {
        var root = new System.Text.Json.Nodes.JsonObject();
        var node = root;
        var parts = key.Split(':');
        foreach (var part in parts[..^1])
        {
            var child = new System.Text.Json.Nodes.JsonObject();
            node[part] = child;
            node = child;
        }

        node[parts[^1]] = value;
        return root.ToJsonString();
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
