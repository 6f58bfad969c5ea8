using BalanceBot.Core.Conversations;
using BalanceBot.Core.Tests.Conversations;

namespace BalanceBot.Core.Tests.Checkup;

/// <summary>The check-up rules of the validator, one broken dialog each, and red-flag answers in the engine.</summary>
public sealed class CheckupRuleTests
{
    private const string Route = """
          - id: outcome
            action: route_by_level
            args: { self_care: out, physio_or_gp_routine: out, gp_soon: out, urgent_same_day: out, emergency: out }
          - id: out
            say: Outcome.
          - id: done
            end: true
        """;

    private static List<string> Problems(string steps)
    {
        var yaml = "id: check\ntriggers: [check]\nsteps:\n" + steps.TrimEnd() + "\n" + Route;
        var (dialogs, problems) = TestDialogs.Parse(TestDialogs.SystemDialogsYaml + "\n---\n" + yaml);
        problems.AddRange(DialogValidator.Validate(dialogs, BuiltInActions.Create()));
        return problems.Select(p => p.ToString()).ToList();
    }

    private static string RedFlag(string id, string level, string? retry = "Yes, no or not sure?", string notSureLevel = "") => $"""
          - id: {id}
            ask: choice
            red_flag: true
            text: Any {id}?
        {(retry is null ? string.Empty : $"    retry: {retry}\n")}    choices:
              - {"{"} id: yes, label: "Yes", level: {level}{(level == "emergency" ? ", next: outcome" : string.Empty)} {"}"}
              - {"{"} id: no, label: "No" {"}"}
              - {"{"} id: not_sure, label: "Not sure", level: {(notSureLevel.Length > 0 ? notSureLevel : level)}{(level == "emergency" ? ", next: outcome" : string.Empty)} {"}"}
        """ + "\n";

    [Fact]
    public void A_well_formed_check_up_is_valid() =>
        Assert.Empty(Problems(RedFlag("screen_heart", "emergency") + RedFlag("fever", "urgent_same_day")));

    [Fact]
    public void Not_sure_must_escalate_at_least_as_far_as_yes() =>
        Assert.Contains(Problems(RedFlag("fever", "urgent_same_day", notSureLevel: "gp_soon")),
            p => p.Contains("not_sure on red flag 'fever' must raise at least as far as yes (urgent_same_day): doubt escalates", StringComparison.Ordinal));

    [Fact]
    public void A_red_flag_needs_a_simpler_re_ask() =>
        Assert.Contains(Problems(RedFlag("fever", "urgent_same_day", retry: null)),
            p => p.EndsWith("red flag 'fever' needs a retry: the question again in simpler words, with examples", StringComparison.Ordinal));

    [Fact]
    public void A_red_flag_is_yes_no_not_sure() =>
        Assert.Contains(Problems("""
              - id: fever
                ask: choice
                red_flag: true
                text: Fever?
                retry: Fever, yes or no?
                choices:
                  - { id: yes, label: "Yes", level: urgent_same_day }
                  - { id: no, label: "No" }
            """), p => p.Contains("a red_flag question is a choice with exactly the choices yes, no and not_sure, in that order", StringComparison.Ordinal));

    [Fact]
    public void An_emergency_answer_must_go_straight_to_the_outcome() =>
        Assert.Contains(Problems("""
              - id: screen_heart
                ask: choice
                red_flag: true
                text: Chest pain?
                retry: Chest pain, yes or no?
                choices:
                  - { id: yes, label: "Yes", level: emergency }
                  - { id: no, label: "No" }
                  - { id: not_sure, label: "Not sure", level: emergency, next: outcome }
              - id: more
                say: One more question first.
                next: outcome
            """), p => p.Contains("choice 'yes' raises the level to emergency, so it must go straight to a route_by_level step", StringComparison.Ordinal));

    [Fact]
    public void A_check_up_path_that_skips_the_outcome_is_reported() =>
        Assert.Contains(Problems(RedFlag("fever", "urgent_same_day") + """
              - id: escape
                ask: confirm
                text: Stop here?
                yes: bye
              - id: to_outcome
                goto: outcome
              - id: bye
                end: true
            """), p => p.Contains("can reach step 'bye' without an outcome", StringComparison.Ordinal));

    [Fact]
    public void A_question_after_an_escalation_needs_somewhere_to_go_after_unclear_answers() =>
        Assert.Contains(Problems(RedFlag("fever", "urgent_same_day") + """
              - id: how_long
                ask: number
                text: How many days?
                min: 0
                max: 99
                next: outcome
            """), p => p.Contains("after answer 'yes' of 'fever'", StringComparison.Ordinal) && p.Contains("three unclear answers to 'how_long'", StringComparison.Ordinal));

    [Fact]
    public void An_on_unclear_that_reaches_the_outcome_satisfies_the_escalation_rule() =>
        Assert.Empty(Problems(RedFlag("fever", "urgent_same_day") + """
              - id: how_long
                ask: number
                text: How many days?
                on_unclear: outcome
                min: 0
                max: 99
                next: outcome
            """));

    [Fact]
    public void The_emergency_screen_must_come_before_the_area_question()
    {
        const string skip = """
              - id: start
                ask: confirm
                text: Skip the screen?
                yes: area

            """;
        const string area = """
              - id: area
                ask: choice
                text: Where?
                save: area
                choices:
                  - { id: neck, label: "Neck", next: outcome }
                  - { id: knee, label: "Knee", next: outcome }
            """;

        Assert.Contains(Problems(skip + RedFlag("screen_heart", "emergency") + area),
            p => p.Contains("the area question can be reached without the emergency screen question 'screen_heart'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not sure")]
    [InlineData("no idea")]
    [InlineData("maybe a bit")]
    [InlineData("I don't know")]
    [InlineData("3")]
    public async Task Doubt_on_a_red_flag_counts_as_yes(string answer)
    {
        using var bot = await RedFlagBotAsync();

        var replies = await bot.SayAsync(answer);

        Assert.Equal("Outcome.", replies.Single().Text);
        Assert.Empty((await bot.StateAsync()).Stack);
    }

    [Fact]
    public async Task An_unclear_red_flag_answer_gets_one_simpler_re_ask_then_counts_as_not_sure()
    {
        using var bot = await RedFlagBotAsync();

        var first = await bot.SayAsync("what do you mean");
        var second = await bot.SayAsync("hmm");

        Assert.Equal("Yes, no or not sure?", first.Single().Text);
        Assert.Equal(3, first.Single().Choices.Count);
        Assert.Equal("Outcome.", second.Single().Text);
    }

    [Fact]
    public async Task A_trigger_phrase_on_a_red_flag_does_not_drop_the_check_up()
    {
        using var bot = await RedFlagBotAsync();

        var first = await bot.SayAsync("check");
        var second = await bot.SayAsync("stretch neck");

        Assert.Equal("Yes, no or not sure?", first.Single().Text);
        Assert.Equal("Outcome.", second.Single().Text);
    }

    [Fact]
    public async Task A_clear_no_on_a_red_flag_carries_on_with_the_questions()
    {
        using var bot = await RedFlagBotAsync();

        var replies = await bot.SayAsync("no, nothing like that");

        Assert.Equal("Any fever?", replies.Single().Text);
    }

    private static async Task<EngineHarness> RedFlagBotAsync()
    {
        var yaml = "id: check\ntriggers: [check]\nsteps:\n" + (RedFlag("screen_heart", "emergency") + RedFlag("fever", "urgent_same_day")).TrimEnd() + "\n" + Route;
        var bot = await new EngineHarness(TestDialogs.Catalog(yaml)).WelcomedAsync();
        await bot.SayAsync("check");
        return bot;
    }
}
