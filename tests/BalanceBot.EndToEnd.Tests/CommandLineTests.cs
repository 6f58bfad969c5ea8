namespace BalanceBot.EndToEnd.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "balancebot-e2e", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(new string[] { "--help" }, "With no command it starts the bot server")]
    [InlineData(new[] { "serve", "--help" }, "Start the bot server")]
    [InlineData(new[] { "chat", "--help" }, "Talk to BalanceBot in this terminal")]
    [InlineData(new[] { "dialogs", "--help" }, "Work with the dialog files")]
    [InlineData(new[] { "dialogs", "validate", "--help" }, "print 'file:line: problem'")]
    [InlineData(new[] { "teams", "package", "--help" }, "Write a sideloadable Teams app package")]
    public async Task Every_verb_explains_itself_with_help(string[] args, string expected)
    {
        await using var app = AppProcess.Start(args);

        Assert.Equal(0, await app.WaitForExitAsync());
        Assert.Contains(expected, app.Output, StringComparison.Ordinal);
        Assert.Contains("Usage:", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_package_writes_a_zip_for_the_configured_bot_and_explains_a_missing_app_id()
    {
        Directory.CreateDirectory(_folder);
        var zip = Path.Combine(_folder, "balancebot.zip");

        await using (var missing = AppProcess.Start(["teams", "package", "--out", zip]))
        {
            Assert.Equal(1, await missing.WaitForExitAsync());
            Assert.Contains("MicrosoftAppId must be set", missing.Output, StringComparison.Ordinal);
        }

        await using var app = AppProcess.Start(["teams", "package", "--out", zip], new Dictionary<string, string> { ["MicrosoftAppId"] = "5d2e1c4b-8f6a-4d3e-9b1c-7a0f2e4d6c8b" });

        Assert.Equal(0, await app.WaitForExitAsync());
        Assert.True(new FileInfo(zip).Length > 1000);
    }

    [Fact]
    public async Task Validating_the_real_dialogs_succeeds()
    {
        await using var app = AppProcess.Start(["dialogs", "validate", RepositoryPaths.Dialogs]);

        Assert.Equal(0, await app.WaitForExitAsync());
        Assert.Contains("no problems", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validating_a_broken_folder_prints_file_and_line_and_exits_1()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "broken.yaml"), "id: broken\nsteps:\n  - id: hello\n    say: Hi.\n    next: nowhere\n  - id: done\n    end: true\n");

        await using var app = AppProcess.Start(["dialogs", "validate", _folder]);

        Assert.Equal(1, await app.WaitForExitAsync());
        Assert.Contains(Path.Combine(_folder, "broken.yaml") + ":3: next 'nowhere' is not a step of dialog 'broken'", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_folder_is_read_from_where_the_command_was_typed_and_a_tab_is_named_at_its_line()
    {
        // dotnet run starts the app in the repository root; the shell's PWD says where the user typed the command.
        Directory.CreateDirectory(Path.Combine(_folder, "mine"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "mine", "tabbed.yaml"), "id: tabbed\nsteps:\n  - id: hello\n    say: Hi.\n\t- id: done\n    end: true\n");

        await using var app = AppProcess.Start(["dialogs", "validate", "mine"], new Dictionary<string, string> { ["PWD"] = _folder });

        Assert.Equal(1, await app.WaitForExitAsync());
        Assert.Contains(Path.Combine(_folder, "mine", "tabbed.yaml") + ":5: not valid YAML", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_exits_1_with_the_nearest_verb_instead_of_starting_the_server()
    {
        await using var app = AppProcess.Start(["chatt"], new Dictionary<string, string> { ["Storage__Path"] = Path.Combine(_folder, "bot.db") });

        Assert.Equal(1, await app.WaitForExitAsync());
        Assert.Contains("did you mean `chat`?", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", app.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "bot.db")));
    }

    [Fact]
    public async Task An_address_already_in_use_prints_one_line_and_exits_1()
    {
        using var occupied = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((System.Net.IPEndPoint)occupied.LocalEndpoint).Port;

        await using var app = AppProcess.Start(
            ["--urls", $"http://127.0.0.1:{port}"],
            new Dictionary<string, string> { ["Storage__Path"] = Path.Combine(_folder, "bot.db") });

        Assert.Equal(1, await app.WaitForExitAsync());
        Assert.Contains("address already in use", app.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"127.0.0.1:{port}", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Reminders__SweepIntervalSeconds", "0", "Reminders:SweepIntervalSeconds must be between 1 and 3600")]
    [InlineData("Broadcasts__DispatchIntervalSeconds", "-5", "Broadcasts:DispatchIntervalSeconds must be between 1 and 3600")]
    public async Task A_scheduling_interval_out_of_range_stops_the_server_instead_of_being_clamped(string key, string value, string expected)
    {
        await using var app = AppProcess.Start(
            ["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string> { ["Storage__Path"] = Path.Combine(_folder, "bot.db"), [key] = value });

        Assert.Equal(1, await app.WaitForExitAsync());
        Assert.Contains(expected, app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_login_url_fails_validation_with_a_clear_message()
    {
        await using var app = AppProcess.Start(
            ["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string>
            {
                ["Storage__Path"] = Path.Combine(_folder, "bot.db"),
                ["MicrosoftAppId"] = "5d2e1c4b-8f6a-4d3e-9b1c-7a0f2e4d6c8b",
                ["MicrosoftAppPassword"] = "test-secret",
                ["ToChannelFromBotLoginUrl"] = "http://127.0.0.1:9/",
            });

        Assert.Equal(1, await app.WaitForExitAsync());
        Assert.Contains("ToChannelFromBotLoginUrl must be an https URL", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_setting_stops_the_server_with_a_message_naming_the_key()
    {
        await using var app = AppProcess.Start(
            ["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string> { ["Storage__Path"] = Path.Combine(_folder, "bot.db"), ["Storage__CheckpointIntervalMinutes"] = "0" });

        Assert.Equal(1, await app.WaitForExitAsync());
        Assert.Contains("Storage:CheckpointIntervalMinutes must be between 1 and 1440", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_database_file_stops_the_server_with_one_line_and_exit_code_1()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "bot.db");
        await File.WriteAllBytesAsync(path, Enumerable.Repeat((byte)0x5A, 8192).ToArray());

        await using var app = AppProcess.Start(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string> { ["Storage__Path"] = path });

        Assert.Equal(1, await app.WaitForExitAsync());
        Assert.Contains($"The database at {path} (Storage:Path) is damaged", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_talks_in_the_terminal_and_refuses_a_database_the_server_is_using()
    {
        var environment = new Dictionary<string, string> { ["Storage__Path"] = Path.Combine(_folder, "bot.db") };
        await using (var chat = AppProcess.Start(["chat", "--user", "kim"], environment))
        {
            await chat.WriteLineAsync("yes");
            await chat.WriteLineAsync("2");
            await chat.WriteLineAsync("quit");

            Assert.Equal(0, await chat.WaitForExitAsync());
            Assert.Contains("  2. Quick stretch", chat.Output, StringComparison.Ordinal);
            Assert.Contains("As soon as your muscles begin to tremble, take a break.", chat.Output, StringComparison.Ordinal);
            Assert.Contains("Bye!", chat.Output, StringComparison.Ordinal);
        }

        await using var server = AppProcess.Start(["--urls", "http://127.0.0.1:0"], environment);
        await server.WaitUntilListeningAsync();
        await using var second = AppProcess.Start(["chat"], environment);

        Assert.Equal(1, await second.WaitForExitAsync());
        Assert.Contains("is in use by another BalanceBot process", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Storage is not available", second.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
