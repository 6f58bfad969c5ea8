using BalanceBot.Core.Conversations;
using BalanceBot.Core.Tests.Conversations;
using BalanceBot.Testing;

namespace BalanceBot.Core.Tests.Understanding;

/// <summary>Intents through the real lexicon and engine (issue 16); the corpus figures are in <see cref="UnderstandingCorpusTests"/>.</summary>
public sealed class IntentCorpusTests
{
    private static readonly DialogCatalog Catalog = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create());

    [Fact]
    public void Every_dialog_the_corpus_expects_exists() =>
        Assert.All(UnderstandingCorpus.Load().Where(e => e.Answer != "-"), entry => Assert.NotNull(Catalog.FindDialog(entry.Answer)));

    [Fact]
    public void Every_intent_starts_a_dialog_that_exists() =>
        Assert.All(TestDialogs.RealUnderstanding.Value.Lexicon.Intents, intent => Assert.NotNull(Catalog.FindDialog(intent.Dialog)));

    [Theory]
    [InlineData("my lower back hurts")]
    [InlineData("pain between my shoulder blades")]
    [InlineData("my thumb aches")]
    public async Task A_complaint_at_the_menu_starts_the_check_up(string text)
    {
        using var bot = await new EngineHarness(Catalog).WelcomedAsync();
        await bot.SayAsync(text);
        // The area read from the complaint is said back first (issue 16); either answer goes on to the check-up.
        Assert.Equal(SystemDialogs.Understood, (await bot.StateAsync()).Active?.DialogId);
        await bot.ClickAsync("change");
        Assert.Equal("checkup", (await bot.StateAsync()).Active?.DialogId);
    }

    [Fact]
    public async Task A_new_users_opening_complaint_starts_the_check_up_after_the_welcome()
    {
        using var bot = new EngineHarness(Catalog);
        var replies = await bot.SayAsync("my lower back has been sore for 5 weeks");
        Assert.Equal(SystemDialogs.Understood, (await bot.StateAsync()).Active?.DialogId);
        Assert.True(replies.Count >= 2, "the welcome's notices come first");
    }
}
