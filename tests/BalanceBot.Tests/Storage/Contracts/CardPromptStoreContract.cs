using BalanceBot.Storage;

namespace BalanceBot.Tests.Storage.Contracts;

/// <summary>What every <see cref="ICardPromptStore"/> promises: a press is claimed once, by its user, while its card is current.</summary>
public abstract class CardPromptStoreContract : StoreContract
{
    private const string Kim = "msteams:29:kim";

    private ICardPromptStore? _store;

    private protected ICardPromptStore Store => _store ??= CreateStore();

    /// <summary>A new, empty store on fresh storage, on <see cref="StoreContract.Time"/>.</summary>
    private protected abstract ICardPromptStore CreateStore();

    [Fact]
    public void A_press_on_an_offered_choice_is_claimed_once()
    {
        var id = Store.Issue(Kim, ["yes", "no"], isQuestion: true);

        Assert.Null(Store.TryClaim(id, Kim, "yes"));
        Assert.NotNull(Store.TryClaim(id, Kim, "yes"));
        Assert.NotNull(Store.TryClaim(id, Kim, "no"));
    }

    [Fact]
    public void Each_card_gets_its_own_id()
    {
        Assert.NotEqual(Store.Issue(Kim, ["done"], isQuestion: false), Store.Issue(Kim, ["done"], isQuestion: false));
    }

    [Fact]
    public void Unknown_prompts_missing_parts_choices_not_offered_and_other_users_are_refused()
    {
        var id = Store.Issue(Kim, ["yes", "no"], isQuestion: true);

        Assert.NotNull(Store.TryClaim("no-such-prompt", Kim, "yes"));
        Assert.NotNull(Store.TryClaim(null, Kim, "yes"));
        Assert.NotNull(Store.TryClaim(id, Kim, null));
        Assert.NotNull(Store.TryClaim(id, Kim, "maybe"));
        Assert.NotNull(Store.TryClaim(id, "msteams:29:ana", "yes"));

        // None of the refusals used the card up.
        Assert.Null(Store.TryClaim(id, Kim, "yes"));
    }

    [Fact]
    public void A_new_question_retires_the_one_before_but_not_a_card_outside_the_dialog()
    {
        var first = Store.Issue(Kim, ["yes", "no"], isQuestion: true);
        var reminder = Store.Issue(Kim, ["done", "skip"], isQuestion: false);
        var second = Store.Issue(Kim, ["yes", "no"], isQuestion: true);

        Assert.NotNull(Store.TryClaim(first, Kim, "yes"));
        Assert.Null(Store.TryClaim(reminder, Kim, "done"));
        Assert.Null(Store.TryClaim(second, Kim, "no"));
    }

    [Fact]
    public void Questions_of_different_users_do_not_retire_each_other()
    {
        var kims = Store.Issue(Kim, ["yes"], isQuestion: true);
        var anas = Store.Issue("msteams:29:ana", ["yes"], isQuestion: true);

        Assert.Null(Store.TryClaim(kims, Kim, "yes"));
        Assert.Null(Store.TryClaim(anas, "msteams:29:ana", "yes"));
    }

    [Fact]
    public void A_card_is_answerable_for_a_day_and_not_after()
    {
        var today = Store.Issue(Kim, ["done"], isQuestion: false);
        var stale = Store.Issue(Kim, ["done"], isQuestion: false);

        Time.Advance(TimeSpan.FromHours(23));
        Assert.Null(Store.TryClaim(today, Kim, "done"));
        Time.Advance(TimeSpan.FromHours(2));
        Assert.NotNull(Store.TryClaim(stale, Kim, "done"));
    }
}

public sealed class LiteDbCardPromptStoreContractTests : CardPromptStoreContract
{
    private readonly LiteDbContractStorage _storage = new();

    private protected override ICardPromptStore CreateStore() => new LiteDbCardPromptStore(_storage.Database, Time);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _storage.Dispose();
        }

        base.Dispose(disposing);
    }
}
