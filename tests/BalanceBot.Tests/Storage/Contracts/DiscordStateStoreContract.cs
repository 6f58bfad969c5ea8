using BalanceBot.Core.Conversations;
using BalanceBot.Storage;

namespace BalanceBot.Tests.Storage.Contracts;

/// <summary>What every <see cref="IDiscordStateStore"/> promises: prompts round-trip, are claimed once, and DM channels are kept.</summary>
public abstract class DiscordStateStoreContract : StoreContract
{
    private IDiscordStateStore? _store;

    private protected IDiscordStateStore Store => _store ??= CreateStore();

    /// <summary>A new, empty store on fresh storage.</summary>
    private protected abstract IDiscordStateStore CreateStore();

    private DiscordPrompt Prompt(string id, string userId, AskKind? ask) =>
        new(id, userId, ["yes", "no"], ask, "Any numbness?", Time.GetUtcNow(), Time.GetUtcNow().AddHours(24));

    [Fact]
    public void A_saved_prompt_comes_back_as_it_was()
    {
        var prompt = Prompt("p1", "111", AskKind.Choice);
        Store.SavePrompt(prompt, Time.GetUtcNow());

        var found = Store.FindPrompt("p1");

        Assert.NotNull(found);
        Assert.Equal((prompt.Id, prompt.UserId, prompt.Ask, prompt.Hint, prompt.CreatedUtc, prompt.ExpiresUtc, prompt.Used), (found.Id, found.UserId, found.Ask, found.Hint, found.CreatedUtc, found.ExpiresUtc, found.Used));
        Assert.Equal(prompt.ChoiceIds, found.ChoiceIds);
        Assert.Null(Store.FindPrompt("p2"));
    }

    [Fact]
    public void A_prompt_is_claimed_once_and_an_unknown_one_not_at_all()
    {
        Store.SavePrompt(Prompt("p1", "111", null), Time.GetUtcNow());

        Assert.True(Store.TryClaim("p1"));
        Assert.False(Store.TryClaim("p1"));
        Assert.False(Store.TryClaim("p2"));
        Assert.True(Store.FindPrompt("p1")!.Used);
    }

    [Fact]
    public void A_dialog_question_becomes_the_users_current_one_and_buttons_outside_a_dialog_do_not()
    {
        Assert.Null(Store.CurrentQuestion("111"));
        Store.SavePrompt(Prompt("q1", "111", AskKind.Choice), Time.GetUtcNow());
        Store.SavePrompt(Prompt("reminder", "111", null), Time.GetUtcNow());
        Assert.Equal("q1", Store.CurrentQuestion("111"));

        Store.SavePrompt(Prompt("q2", "111", AskKind.Choice), Time.GetUtcNow());
        Store.SavePrompt(Prompt("other", "222", AskKind.Choice), Time.GetUtcNow());

        Assert.Equal("q2", Store.CurrentQuestion("111"));
        Assert.Equal("other", Store.CurrentQuestion("222"));
    }

    [Fact]
    public void The_DM_channel_is_kept_per_user_and_can_be_forgotten_without_losing_the_current_question()
    {
        Store.SavePrompt(Prompt("q1", "111", AskKind.Choice), Time.GetUtcNow());
        Assert.Null(Store.DmChannel("111"));

        Store.SetDmChannel("111", "dm-1");
        Store.SetDmChannel("222", "dm-2");
        Assert.Equal("dm-1", Store.DmChannel("111"));
        Assert.Equal("dm-2", Store.DmChannel("222"));

        Store.SetDmChannel("111", null);
        Assert.Null(Store.DmChannel("111"));
        Assert.Equal("q1", Store.CurrentQuestion("111"));
    }
}

public sealed class LiteDbDiscordStateStoreContractTests : DiscordStateStoreContract
{
    private readonly LiteDbContractStorage _storage = new();

    private protected override IDiscordStateStore CreateStore() => new LiteDbDiscordStore(_storage.Database);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _storage.Dispose();
        }

        base.Dispose(disposing);
    }
}
