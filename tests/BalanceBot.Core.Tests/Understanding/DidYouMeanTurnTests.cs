using BalanceBot.Core.Conversations;
using BalanceBot.Core.Tests.Conversations;
using BalanceBot.Testing;

namespace BalanceBot.Core.Tests.Understanding;

/// <summary>"Did you mean ...?" for an ambiguous message or a near miss of a command, in real turns (issue 16).</summary>
public sealed class DidYouMeanTurnTests
{
    private static readonly DialogCatalog Catalog = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create());

    private static async Task<EngineHarness> OutsideAnyDialogAsync()
    {
        var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.ClickAsync("no");
        Assert.Null((await bot.StateAsync()).Active);
        return bot;
    }

    [Theory]
    [InlineData("remind me to check my symptoms", new[] { "checkup", "reminders" })]
    [InlineData("can you change my settings and remind me to move", new[] { "reminders", "settings" })]
    [InlineData("hepl", new[] { "help" })]
    [InlineData("chekcup", new[] { "checkup" })]
    [InlineData("mneu", new[] { "menu" })]
    public async Task An_unclear_message_outside_a_dialog_offers_the_candidates_and_the_menu(string text, string[] expected)
    {
        using var bot = await OutsideAnyDialogAsync();

        var replies = await bot.SayAsync(text);

        var question = Assert.Single(replies, r => r.ExpectsInput);
        Assert.Equal(expected.Append("menu").Distinct().Order(StringComparer.Ordinal), question.Choices.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(SystemDialogs.DidYouMean, (await bot.StateAsync()).Active?.DialogId);
    }

    [Fact]
    public async Task Picking_a_candidate_starts_that_dialog()
    {
        using var bot = await OutsideAnyDialogAsync();
        await bot.SayAsync("remind me to check my symptoms");

        await bot.ClickAsync("checkup");

        Assert.Equal("checkup", (await bot.StateAsync()).Active?.DialogId);
    }

    [Fact]
    public async Task At_the_menu_an_ambiguous_message_is_asked_about_not_retried()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.SayAsync("menu");

        var replies = await bot.SayAsync("remind me to check my symptoms");

        var question = Assert.Single(replies, r => r.ExpectsInput);
        Assert.Contains(question.Choices, c => c.Id == "reminders");
        Assert.Contains(question.Choices, c => c.Id == "checkup");
        Assert.Equal(SystemDialogs.DidYouMean, (await bot.StateAsync()).Active?.DialogId);
    }

    [Fact]
    public async Task A_typed_unclear_answer_to_did_you_mean_asks_again_with_the_same_choices()
    {
        using var bot = await OutsideAnyDialogAsync();
        var first = (await bot.SayAsync("remind me to check my symptoms")).Single(r => r.ExpectsInput);

        var again = (await bot.SayAsync("hmm")).Single(r => r.ExpectsInput);

        Assert.Equal(first.Choices.Select(c => c.Id), again.Choices.Select(c => c.Id));
    }

    [Fact]
    public async Task A_clear_request_is_not_asked_about()
    {
        using var bot = await OutsideAnyDialogAsync();

        await bot.SayAsync("my lower back hurts");

        // Said back with Yes / Change (the check-up's own confirmation), not "Did you mean".
        Assert.Equal(SystemDialogs.Understood, (await bot.StateAsync()).Active?.DialogId);
    }

    [Fact]
    public async Task Safety_language_in_an_ambiguous_message_still_gets_the_emergency_reply()
    {
        using var bot = await OutsideAnyDialogAsync();
        var emergency = await bot.SayAsync("I can't breathe");
        await bot.ClickAsync("no");

        var replies = await bot.SayAsync("remind me to check my symptoms, I can't breathe");

        Assert.NotEqual(SystemDialogs.DidYouMean, (await bot.StateAsync()).Active?.DialogId);
        Assert.Equal(emergency.Select(r => r.Text), replies.Select(r => r.Text));
    }
}
