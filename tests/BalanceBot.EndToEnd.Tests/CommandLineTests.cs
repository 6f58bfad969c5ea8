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
    public async Task Every_verb_explains_itself_with_help(string[] args, string expected)
    {
        await using var app = AppProcess.Start(args);

        Assert.Equal(0, await app.WaitForExitAsync());
        Assert.Contains(expected, app.Output, StringComparison.Ordinal);
        Assert.Contains("Usage:", app.Output, StringComparison.Ordinal);
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
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
