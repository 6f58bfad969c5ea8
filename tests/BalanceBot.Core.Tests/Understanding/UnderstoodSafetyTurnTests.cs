using BalanceBot.Core.Conversations;
using BalanceBot.Core.Tests.Conversations;
using BalanceBot.Testing;

namespace BalanceBot.Core.Tests.Understanding;

/// <summary>The understood safety scan inside real turns over the real dialogs folder (issue 16).</summary>
public sealed class UnderstoodSafetyTurnTests
{
    private static readonly DialogCatalog Catalog = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create());

    private static async Task<string?> ActiveDialogAsync(EngineHarness bot) => (await bot.StateAsync()).Active?.DialogId;

    [Theory]
    [InlineData("not_sure")]
    [InlineData("yes")]
    public async Task A_denied_emergency_sign_is_asked_about_and_doubt_escalates(string answer)
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();

        var asked = await bot.SayAsync("no chest pain, my lower back is sore");
        Assert.Equal(SystemDialogs.EmergencyCheck, await ActiveDialogAsync(bot));
        Assert.Contains(asked.Single(r => r.ExpectsInput).Choices, c => c.Id == "not_sure");

        var answered = await bot.ClickAsync(answer);
        Assert.Null(await ActiveDialogAsync(bot));
        Assert.Equal(await EmergencyRepliesAsync(), answered.Select(r => r.Text));
    }

    [Fact]
    public async Task A_no_to_the_question_is_not_the_emergency_reply()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.SayAsync("not short of breath");

        var answered = await bot.ClickAsync("no");
        Assert.Null(await ActiveDialogAsync(bot));
        Assert.NotEqual(await EmergencyRepliesAsync(), answered.Select(r => r.Text));
    }

    private static async Task<IEnumerable<string>> EmergencyRepliesAsync()
    {
        using var other = await new EngineHarness(Catalog).WelcomedAsync();
        return (await other.SayAsync("I can't breathe")).Select(r => r.Text).ToList();
    }

    [Fact]
    public async Task A_typed_unclear_answer_to_the_question_is_asked_once_more_then_escalates()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.SayAsync("I don't have any numbness between my legs");

        var again = await bot.SayAsync("hmm");
        Assert.Equal(SystemDialogs.EmergencyCheck, await ActiveDialogAsync(bot));
        Assert.True(again.Single(r => r.ExpectsInput).Ask is AskKind.Choice);

        var escalated = await bot.SayAsync("what?");
        Assert.Null(await ActiveDialogAsync(bot));
        Assert.Equal(await EmergencyRepliesAsync(), escalated.Select(r => r.Text));
    }

    [Fact]
    public async Task A_denial_typed_on_a_red_flag_question_is_that_questions_answer_not_a_new_question()
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.SayAsync("checkup");
        var before = (await bot.StateAsync()).Active!;
        Assert.Equal("checkup", before.DialogId);

        await bot.SayAsync("no chest pain");
        Assert.Equal("checkup", await ActiveDialogAsync(bot));
    }

    [Theory]
    [InlineData("I've been saving up my tablets and I know which night")]
    [InlineData("both my legs have gone numb")]
    public async Task Safety_language_interrupts_a_check_up_question(string text)
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.SayAsync("checkup");

        var replies = await bot.SayAsync(text);
        Assert.Null(await ActiveDialogAsync(bot));
        Assert.DoesNotContain(replies, r => r.ExpectsInput);
    }
}
