using BalanceBot.Core.Checkup;

namespace BalanceBot.Core.Conversations;

/// <param name="Id">Persisted (in state and in button payloads): never rename without a migration.</param>
/// <param name="Next">The step to go to when this choice is picked; null means the ask step's own next.</param>
/// <param name="Level">For check-ups: the triage level this answer raises the check-up to (never lowers it).</param>
public sealed record ChoiceDefinition(
    string Id,
    string Label,
    IReadOnlyList<string> Synonyms,
    string? Next,
    SourceLocation Location,
    TriageLevel? Level = null);
