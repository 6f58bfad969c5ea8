using BalanceBot.Core.Conversations;
using BalanceBot.Storage;

namespace BalanceBot.Tests.Storage.Contracts;

/// <summary>What every <see cref="IConversationStateStore"/> promises.</summary>
public abstract class ConversationStateStoreContract : StoreContract
{
    private IConversationStateStore? _store;

    private protected IConversationStateStore Store => _store ??= CreateStore();

    /// <summary>A new, empty store on fresh storage.</summary>
    private protected abstract IConversationStateStore CreateStore();

    [Fact]
    public async Task An_unknown_conversation_has_no_state()
    {
        Assert.Null(await Store.LoadAsync("msteams:a:nobody", CancellationToken.None));
    }

    [Fact]
    public async Task The_dialog_stack_values_and_seen_activities_round_trip()
    {
        var state = new ConversationState { Key = "msteams:a:kim", Welcomed = true, LastExerciseId = "knee-1", UpdatedUtc = Time.GetUtcNow() };
        state.Stack.Add(new DialogFrame { DialogId = "checkup", StepId = "area", Attempts = 1, Values = { ["age"] = "42" } });
        state.Stack.Add(new DialogFrame { DialogId = "help", StepId = "start" });
        state.RememberActivity("activity-1");
        await Store.SaveAsync(state, CancellationToken.None);

        var loaded = await Store.LoadAsync("msteams:a:kim", CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.True(loaded.Welcomed);
        Assert.Equal("knee-1", loaded.LastExerciseId);
        Assert.Equal(state.UpdatedUtc, loaded.UpdatedUtc);
        Assert.Equal([("checkup", "area", 1), ("help", "start", 0)], loaded.Stack.Select(f => (f.DialogId, f.StepId, f.Attempts)));
        Assert.Equal("42", loaded.Stack[0].Values["age"]);
        Assert.Equal("help", loaded.Active!.DialogId);
        Assert.True(loaded.HasSeen("activity-1"));
        Assert.False(loaded.HasSeen("activity-2"));
    }

    [Fact]
    public async Task Saving_again_replaces_the_state_and_keys_differing_in_case_are_kept_apart()
    {
        var state = new ConversationState { Key = "discord:Kim" };
        state.Stack.Add(new DialogFrame { DialogId = "checkup", StepId = "area" });
        await Store.SaveAsync(state, CancellationToken.None);
        state.Stack.Clear();
        await Store.SaveAsync(state, CancellationToken.None);
        await Store.SaveAsync(new ConversationState { Key = "discord:kim", Welcomed = true }, CancellationToken.None);

        Assert.Empty((await Store.LoadAsync("discord:Kim", CancellationToken.None))!.Stack);
        Assert.False((await Store.LoadAsync("discord:Kim", CancellationToken.None))!.Welcomed);
        Assert.True((await Store.LoadAsync("discord:kim", CancellationToken.None))!.Welcomed);
    }
}

public sealed class LiteDbConversationStateStoreContractTests : ConversationStateStoreContract
{
    private readonly LiteDbContractStorage _storage = new();

    private protected override IConversationStateStore CreateStore() => new LiteDbConversationStateStore(_storage.Database);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _storage.Dispose();
        }

        base.Dispose(disposing);
    }
}
