using BalanceBot.Core.Conversations;
using BalanceBot.Core.Privacy;

namespace BalanceBot.Core.Tests.Conversations;

/// <summary>Help and the welcome offer only what this user can do on this channel (issue 23).</summary>
public sealed class HelpTests
{
    private static readonly DialogCatalog Catalog = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create());

    private static string Step(string dialog, string step) => Catalog.GetDialog(dialog).Steps.Single(s => s.Id == step).Text!;

    // A step's reply, recognised by its first line (later lines may hold placeholders such as the emergency number).
    private static bool Shows(IEnumerable<string> replies, string dialog, string step) =>
        replies.Any(r => r.StartsWith(Step(dialog, step).Split('\n')[0], StringComparison.Ordinal));

    private static async Task<List<string>> HelpAsync(EngineHarness bot, bool admin = false)
    {
        await bot.WelcomedAsync();
        await bot.SayAsync("no");
        var replies = await bot.Engine.HandleAsync(bot.Message("help", "help-1") with { IsAdmin = admin }, CancellationToken.None);
        return replies.Select(r => r.Text).ToList();
    }

    [Fact]
    public async Task An_employee_in_Teams_gets_typed_commands_without_slash_commands_team_commands_or_export()
    {
        using var bot = new EngineHarness(Catalog) { UserKey = "msteams:29:employee" };

        var help = await HelpAsync(bot);

        Assert.Single(help); // one message, the disclaimer included
        Assert.True(Shows(help, "help", "typed_commands"));
        Assert.False(Shows(help, "help", "discord_commands"));
        Assert.DoesNotContain(help, text => text.Contains("/checkup", StringComparison.Ordinal));
        Assert.False(Shows(help, "help", "team_line"));
        Assert.False(Shows(help, "help", "export_line"));
    }

    [Fact]
    public async Task A_Discord_user_gets_the_slash_commands()
    {
        using var bot = new EngineHarness(Catalog) { UserKey = "discord:53908232506183680" };

        var help = await HelpAsync(bot);

        Assert.True(Shows(help, "help", "discord_commands"));
        Assert.False(Shows(help, "help", "typed_commands"));
    }

    [Fact]
    public async Task A_wellness_team_member_also_gets_the_team_commands()
    {
        using var bot = new EngineHarness(Catalog) { UserKey = "msteams:29:lead" };

        var help = await HelpAsync(bot, admin: true);

        Assert.True(Shows(help, "help", "team_line"));
    }

    [Fact]
    public async Task Export_is_offered_only_where_it_is_switched_on()
    {
        var context = new DialogActionContext(
            new Turn { Kind = TurnKind.Message, UserKey = "msteams:29:a", ConversationKey = "c" },
            new Users.UserRecord { Key = "msteams:29:a", FirstSeenUtc = default },
            new Dictionary<string, string> { ["when"] = "export_on", ["yes"] = "on", ["no"] = "off" },
            [],
            []);

        // Export is a feature: without its condition registered, "export_on" never holds.
        Assert.Equal("on", (await new CheckTurnAction([new Privacy.ExportEnabledCondition(new SwitchedExport(true))]).ExecuteAsync(context, CancellationToken.None)).GotoStep);
        Assert.Equal("off", (await new CheckTurnAction([new Privacy.ExportEnabledCondition(new SwitchedExport(false))]).ExecuteAsync(context, CancellationToken.None)).GotoStep);
        Assert.Equal("off", (await new CheckTurnAction([]).ExecuteAsync(context, CancellationToken.None)).GotoStep);
    }

    [Fact]
    public async Task The_welcome_is_short_and_more_gives_the_storage_details()
    {
        using var bot = new EngineHarness(Catalog);

        var welcome = await bot.SayAsync("hi");
        var more = await bot.SayAsync("more");

        var words = string.Join(" ", welcome.Select(r => r.Text)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.InRange(words, 20, 65);
        Assert.Contains("more", welcome[^1].Choices.Select(c => c.Id));
        Assert.Contains(Step("privacy_details", "storage"), more.Select(r => r.Text));
        Assert.DoesNotContain(Step("privacy_details", "export_offer"), more.Select(r => r.Text));
    }

    private sealed class SwitchedExport(bool enabled) : IUserDataExport
    {
        public bool IsEnabled => enabled;

        public DataExportLink? CreateLink(string userKey, string conversationKey) => null;
    }
}
