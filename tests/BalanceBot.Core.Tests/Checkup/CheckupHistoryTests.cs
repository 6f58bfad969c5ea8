using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Tests.Conversations;

namespace BalanceBot.Core.Tests.Checkup;

public sealed class CheckupHistoryTests
{
    private static readonly DialogCatalog Catalog = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create());

    [Fact]
    public async Task Only_area_level_and_date_are_kept_and_only_on_a_yes()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        bot.Time.Advance(TimeSpan.FromDays(3));

        await new ScriptedPatient(bot, new Dictionary<string, string> { ["area"] = "knee", ["knee_flags"] = "#locked", ["keep_in_history"] = "yes" }).RunAsync("my knee hurts");

        var user = await bot.Users.FindAsync(bot.UserKey, CancellationToken.None);
        var kept = Assert.Single(user!.CheckupHistory);
        Assert.Equal(new CheckupRecord("knee", TriageLevel.UrgentSameDay, new DateOnly(2026, 3, 5)), kept);
        Assert.Empty((await bot.StateAsync()).Stack);
        var about = (await bot.SayAsync("about"))[0].Text;
        var words = Catalog.GetDialog("about").Steps.Single(s => s.Id == "describe").Args;
        Assert.Contains($"{words["area_knee"]}: {words["level_urgent_same_day"]}, 5 March 2026", about, StringComparison.Ordinal);
        Assert.DoesNotContain("urgent_same_day", about, StringComparison.Ordinal);
    }

    [Fact]
    public async Task About_writes_a_saved_country_as_its_name_not_its_code()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.SayEachAsync("no", "settings", "Robin");
        await bot.ClickAsync("de");

        var about = (await bot.SayAsync("about"))[0].Text;

        Assert.Equal("de", (await bot.Users.FindAsync(bot.UserKey, CancellationToken.None))!.Preferences["country"]);
        var words = Catalog.GetDialog("about").Steps.Single(s => s.Id == "describe").Args;
        Assert.Contains(": " + words["country_de"], about, StringComparison.Ordinal);
        Assert.DoesNotContain(": de", about, StringComparison.Ordinal);
        Assert.Empty((await bot.StateAsync()).Stack);
    }

    [Fact]
    public async Task Nothing_is_kept_when_the_user_says_no()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();

        var result = await new ScriptedPatient(bot, new Dictionary<string, string> { ["area"] = "neck" }).RunAsync("my neck hurts");

        Assert.Equal(TriageLevel.SelfCare, result.Level);
        var user = await bot.Users.FindAsync(bot.UserKey, CancellationToken.None);
        Assert.Empty(user?.CheckupHistory ?? []);
        Assert.Empty((await bot.StateAsync()).Stack);
    }

    [Fact]
    public async Task An_emergency_outcome_asks_nothing_afterwards()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();

        var result = await new ScriptedPatient(bot, new Dictionary<string, string> { ["screen_emergency"] = "heart" }).RunAsync("checkup");

        Assert.Equal(TriageLevel.Emergency, result.Level);
        Assert.StartsWith(SafetyText.Marker + "**Call 999 (or 112) now**", result.Transcript[^1], StringComparison.Ordinal);
        Assert.Empty((await bot.StateAsync()).Stack);
    }
}
