using BalanceBot.Core.Conversations;

namespace BalanceBot.Storage;

/// <summary>
/// The server side of one message's buttons (discord.md §2.5): a <c>custom_id</c> carries only <c>bb1:{Id}:{slot}</c>;
/// who may click, what each slot means and whether it is still open live here.
/// </summary>
/// <param name="Ask">The dialog question's kind; null for buttons outside a dialog (reminder prompts).</param>
/// <param name="Hint">The question, cut to fit a modal label's description, shown above the text box.</param>
internal sealed record DiscordPrompt(
    string Id,
    string UserId,
    IReadOnlyList<string> ChoiceIds,
    AskKind? Ask,
    string Hint,
    DateTimeOffset CreatedUtc,
    DateTimeOffset ExpiresUtc,
    bool Used = false);
