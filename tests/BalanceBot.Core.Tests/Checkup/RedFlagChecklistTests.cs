using BalanceBot.Core.Conversations;
using BalanceBot.Core.Tests.Conversations;

namespace BalanceBot.Core.Tests.Checkup;

/// <summary>
/// Issue 17 §3: grouped red-flag checklists. Picking a flag or "Not sure" escalates as a yes did; a lower flag picked
/// first never hides a higher one; the validator keeps every list safe and small enough for each channel.
/// </summary>
public sealed class RedFlagChecklistTests
{
    private const string Route = """
          - id: outcome
            action: route_by_level
            args: { self_care: out, physio_or_gp_routine: out, gp_soon: out, urgent_same_day: out, emergency: out }
          - id: out
            say: Outcome {triage_level}.
          - id: done
            end: true
        """;

    private static string Checklist(string notSureLevel = "emergency", string? followUp = "Any of these as well?", string flagLabel = "Fever", string noneLevel = "") => $$"""
          - id: flags
            ask: choice
            red_flag: true
            text: Do any of these apply?
            retry: Pick one, none of these, or not sure.
        {{(followUp is null ? string.Empty : $"    follow_up: {followUp}\n")}}    choices:
              - { id: saddle, label: "Numb bottom", level: emergency, next: outcome }
              - { id: fever, label: "{{flagLabel}}", level: urgent_same_day }
              - { id: over_50, label: "Over 50", level: gp_soon }
              - { id: none, label: "None of these"{{(noneLevel.Length > 0 ? $", level: {noneLevel}" : string.Empty)}} }
              - { id: not_sure, label: "Not sure", level: {{notSureLevel}}{{(notSureLevel == "emergency" ? ", next: outcome" : string.Empty)}} }
          - id: more
            ask: number
            text: How bad?
            on_unclear: outcome
            min: 0
            max: 10
            next: outcome
        """;

    private static string Yaml(string steps) => "id: check\ntriggers: [check]\nsteps:\n" + steps.TrimEnd() + "\n" + Route;

    private static List<string> Problems(string steps)
    {
        var (dialogs, problems) = TestDialogs.Parse(TestDialogs.SystemDialogsYaml + "\n---\n" + Yaml(steps));
        problems.AddRange(DialogValidator.Validate(dialogs, BuiltInActions.Create()));
        return problems.Select(p => p.ToString()).ToList();
    }

    private static async Task<EngineHarness> BotAsync()
    {
        var bot = await new EngineHarness(TestDialogs.Catalog(Yaml(Checklist()))).WelcomedAsync();
        await bot.SayAsync("check");
        return bot;
    }

    [Fact]
    public async Task A_lower_flag_is_followed_by_only_the_higher_flags()
    {
        using var bot = await BotAsync();

        var replies = await bot.ClickAsync("over_50");

        var question = Assert.Single(replies);
        Assert.Equal("Any of these as well?", question.Text);
        Assert.Equal(["saddle", "fever", "none", "not_sure"], question.Choices.Select(c => c.Id));
        Assert.Equal("gp_soon", (await bot.StateAsync()).Active!.Values["triage_level"]);
    }

    [Fact]
    public async Task A_higher_flag_on_the_follow_up_raises_the_level_and_ends_the_questions()
    {
        using var bot = await BotAsync();
        await bot.ClickAsync("fever");

        var replies = await bot.ClickAsync("saddle");

        Assert.Equal("Outcome emergency.", Assert.Single(replies).Text);
    }

    [Fact]
    public async Task None_on_the_follow_up_keeps_the_level_of_the_first_pick()
    {
        using var bot = await BotAsync();
        await bot.ClickAsync("fever");
        await bot.ClickAsync("none");

        var replies = await bot.SayAsync("4");

        Assert.Equal("Outcome urgent_same_day.", Assert.Single(replies).Text);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("not sure")]
    [InlineData("maybe")]
    public async Task Yes_without_saying_which_or_doubt_counts_as_not_sure(string answer)
    {
        using var bot = await BotAsync();

        var replies = await bot.SayAsync(answer);

        Assert.Equal("Outcome emergency.", Assert.Single(replies).Text);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("none of these")]
    [InlineData("no, nothing like that")]
    public async Task No_or_none_goes_on_without_raising(string answer)
    {
        using var bot = await BotAsync();

        var replies = await bot.SayAsync(answer);

        Assert.Equal("How bad?", Assert.Single(replies).Text);
        Assert.False((await bot.StateAsync()).Active!.Values.ContainsKey("triage_level"));
    }

    [Fact]
    public async Task Two_unclear_answers_count_as_not_sure()
    {
        using var bot = await BotAsync();

        await bot.SayAsync("purple");
        var replies = await bot.SayAsync("banana");

        Assert.Equal("Outcome emergency.", Assert.Single(replies).Text);
    }

    [Fact]
    public void A_well_formed_checklist_is_valid() => Assert.Empty(Problems(Checklist()));

    [Fact]
    public void Not_sure_below_the_highest_flag_is_rejected() =>
        Assert.Contains(Problems(Checklist(notSureLevel: "urgent_same_day")), p => p.Contains("must raise at least as far as its highest flag (emergency)", StringComparison.Ordinal));

    [Fact]
    public void A_list_of_mixed_levels_needs_a_follow_up() =>
        Assert.Contains(Problems(Checklist(followUp: null)), p => p.Contains("mixes levels, so it needs a follow_up", StringComparison.Ordinal));

    [Fact]
    public void A_label_longer_than_a_discord_button_is_rejected() =>
        Assert.Contains(Problems(Checklist(flagLabel: new string('a', 81))), p => p.Contains("must fit a Discord button (80)", StringComparison.Ordinal));

    [Fact]
    public void None_must_not_raise_the_level() =>
        Assert.Contains(Problems(Checklist(noneLevel: "gp_soon")), p => p.Contains("none on checklist 'flags' must not raise the level", StringComparison.Ordinal));

    [Fact]
    public void Every_checklist_of_the_check_up_fits_a_discord_select_menu_and_every_flag_has_its_floor()
    {
        var checklists = CheckupCatalog.Checkup.Steps.Where(s => s.RedFlag && s.Choices.Any(c => c.Id == "none")).ToList();

        Assert.True(checklists.Count >= 10, $"{checklists.Count} checklists");
        Assert.All(checklists, step =>
        {
            Assert.InRange(step.Choices.Count, 3, 25);
            Assert.All(step.Choices.Where(c => c.Id is not ("none" or "not_sure")), flag => Assert.NotNull(flag.Level));
        });
    }
}
