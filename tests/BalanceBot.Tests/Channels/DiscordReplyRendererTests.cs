using BalanceBot.Channels.Discord;
using BalanceBot.Core.Conversations;
using BalanceBot.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BalanceBot.Tests.Channels;

/// <summary>How replies become Discord messages: 2,000-character pieces, and components within Discord's limits.</summary>
public sealed class DiscordReplyRendererTests : IDisposable
{
    private readonly BalanceBotDatabase _database = new(Options.Create(new StorageOptions { Path = BalanceBotDatabase.InMemory }));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private static readonly string[] Cities = ["London", "Berlin", "New York", "Chicago", "Los Angeles", "Kolkata", "Singapore", "Sydney"];

    private readonly LiteDbDiscordStore _store;
    private readonly DiscordReplyRenderer _renderer;

    public DiscordReplyRendererTests()
    {
        _store = new LiteDbDiscordStore(_database);
        _renderer = new DiscordReplyRenderer(_store, _time);
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public void A_long_answer_is_cut_at_paragraphs_into_messages_of_at_most_2000_characters_with_the_buttons_on_the_last()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("Stand up and roll your shoulders slowly.", 40));
        Reply[] replies = [Reply.Say(paragraph), Reply.Say(paragraph), Reply.Say(paragraph), new("Keep this check-up?", [new("yes", "Yes"), new("no", "No")], ExpectsInput: true, AskKind.Confirm)];

        var messages = _renderer.Render(replies, "42", ephemeral: true);

        Assert.True(messages.Count >= 3);
        Assert.All(messages, m => Assert.InRange(m.Content!.Length, 1, 2000));
        Assert.All(messages, m => Assert.Equal(64, m.Flags));
        Assert.All(messages.SkipLast(1), m => Assert.Null(m.Components));
        Assert.Equal(string.Join("\n\n", replies.Select(r => r.Text)).Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal),
            string.Concat(messages.Select(m => m.Content)).Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal));
        var buttons = messages[^1].Components!.Single().Components!;
        Assert.Equal(["Yes", "No"], buttons.Select(b => b.Label));
        Assert.True(DiscordReplyRenderer.TryParseCustomId(buttons[1].CustomId, out var promptId, out var slot));
        var prompt = _store.FindPrompt(promptId)!;
        Assert.Equal(("42", "no", AskKind.Confirm), (prompt.UserId, prompt.ChoiceIds[int.Parse(slot, System.Globalization.CultureInfo.InvariantCulture)], prompt.Ask));
        Assert.Equal(promptId, _store.CurrentQuestion("42"));
    }

    [Fact]
    public void More_than_five_choices_become_one_select_of_at_most_25_options()
    {
        var choices = Enumerable.Range(1, 30).Select(i => new ReplyChoice($"c{i}", $"Choice {i} " + new string('x', 120))).ToList();

        var message = _renderer.Render([new Reply("Pick one.", choices, ExpectsInput: true, AskKind.Choice)], "42", ephemeral: false).Single();

        Assert.Null(message.Flags);
        var select = message.Components!.Single().Components!.Single();
        Assert.Equal(ComponentTypes.StringSelect, select.Type);
        Assert.Equal(25, select.Options!.Count);
        Assert.All(select.Options, o => Assert.True(o.Label.Length <= 100));
    }

    [Fact]
    public void A_free_text_question_offers_its_suggestions_and_a_form_and_the_form_fits_Discords_limits()
    {
        var suggestions = Cities.Select(s => new ReplyChoice(s, s)).ToList();
        var question = "Which time zone are you in? Pick one, or type a city or a zone (for example Paris or America/Chicago). " + new string('.', 50);

        var message = _renderer.Render([new Reply(question, suggestions, ExpectsInput: true, AskKind.Text)], "42", ephemeral: true).Single();

        Assert.Equal(2, message.Components!.Count);
        Assert.Equal(ComponentTypes.StringSelect, message.Components[0].Components!.Single().Type);
        var typeIt = message.Components[1].Components!.Single();
        Assert.Equal("Type your answer", typeIt.Label);
        Assert.True(DiscordReplyRenderer.TryParseCustomId(typeIt.CustomId, out var promptId, out _));
        var modal = DiscordReplyRenderer.Modal(_store.FindPrompt(promptId)!);
        Assert.True(modal.Title!.Length <= 45);
        var label = modal.Components!.Single();
        Assert.Equal(ComponentTypes.Label, label.Type);
        Assert.True(label.Label!.Length <= 45);
        Assert.True(label.Description!.Length <= 100);
        Assert.Equal(ComponentTypes.TextInput, label.Child!.Type);
    }

    [Fact]
    public void A_statement_has_no_components_and_saves_no_prompt()
    {
        var message = _renderer.Render([Reply.Say("Nice work.")], "42", ephemeral: true).Single();

        Assert.Null(message.Components);
        Assert.Null(_store.CurrentQuestion("42"));
    }

    [Fact]
    public void Buttons_offered_without_a_question_are_shown_and_leave_the_open_question_alone()
    {
        var message = _renderer.Render([new Reply("Stand-up Friday: a 5-minute stretch", [new("broadcast_mute", "Mute these messages")], ExpectsInput: false)], "42", ephemeral: false).Single();

        var button = message.Components!.Single().Components!.Single();
        Assert.Equal("Mute these messages", button.Label);
        Assert.True(DiscordReplyRenderer.TryParseCustomId(button.CustomId, out var promptId, out _));
        Assert.Equal(["broadcast_mute"], _store.FindPrompt(promptId)!.ChoiceIds);
        Assert.Null(_store.CurrentQuestion("42"));
    }
}
