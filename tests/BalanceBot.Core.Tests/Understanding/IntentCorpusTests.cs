using BalanceBot.Core.Conversations;
using BalanceBot.Core.Tests.Conversations;
using BalanceBot.Testing;

namespace BalanceBot.Core.Tests.Understanding;

/// <summary>The intent corpus through the real lexicon (issue 16): at least 95% of messages get the right dialog.</summary>
public sealed class IntentCorpusTests
{
    private static readonly DialogCatalog Catalog = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create());

    public static IReadOnlyList<(string Expected, string Text)> Corpus { get; } = File
        .ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "BalanceBot.Core.Tests", "Understanding", "intent-corpus.tsv"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t', 2))
        .Select(parts => (parts[0], parts[1]))
        .ToList();

    [Fact]
    public void At_least_95_percent_of_the_intent_corpus_is_understood()
    {
        var wrong = Corpus
            .Select(c => (c.Expected, c.Text, Found: TestDialogs.RealUnderstanding.Value.Understand(c.Text).IntentDialog ?? "-"))
            .Where(c => c.Found != c.Expected)
            .Select(c => $"{c.Expected} <- {c.Found}: {c.Text}")
            .ToList();

        Assert.True(Corpus.Count >= 80, $"only {Corpus.Count} messages");
        Assert.True(wrong.Count <= Corpus.Count / 20, $"{wrong.Count} of {Corpus.Count} wrong:\n" + string.Join("\n", wrong));
    }

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
