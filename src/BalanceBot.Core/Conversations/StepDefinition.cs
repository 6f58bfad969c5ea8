namespace BalanceBot.Core.Conversations;

/// <summary>One step of a dialog as written in YAML. Which properties matter depends on <see cref="Kind"/>.</summary>
public sealed record StepDefinition
{
    public required string Id { get; init; }

    public required StepKind Kind { get; init; }

    public required SourceLocation Location { get; init; }

    /// <summary>The step to run after this one; null means the next step in the file.</summary>
    public string? Next { get; init; }

    /// <summary>For <c>say</c>: what to say. For <c>ask</c>: the question.</summary>
    public string? Text { get; init; }

    public AskKind Ask { get; init; }

    /// <summary>For <c>ask</c>: said instead of the question after an answer that was not understood.</summary>
    public string? Retry { get; init; }

    /// <summary>For <c>ask</c>: the value name the answer is saved under, usable as <c>{name}</c> later in the dialog.</summary>
    public string? Save { get; init; }

    public IReadOnlyList<ChoiceDefinition> Choices { get; init; } = [];

    /// <summary>
    /// For <c>ask</c>: the entity of the understanding layer that answers this question from the opening message
    /// (<c>area</c>, <c>duration</c>, <c>onset</c>, <c>severity</c>; <see cref="Understanding.UnderstoodAnswers"/>).
    /// </summary>
    public string? Understands { get; init; }

    /// <summary>For <c>ask: text</c>: common answers offered as buttons; any other text is still accepted.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>
    /// For check-up questions about a red flag (a choice ask with yes, no and not_sure): an answer that is still not
    /// understood after the simpler re-ask counts as not_sure, so it escalates and never silently passes (triage.md §3.2).
    /// </summary>
    public bool RedFlag { get; init; }

    /// <summary>For <c>ask: confirm</c>: where a yes or a no leads (null: <see cref="Next"/>).</summary>
    public string? YesNext { get; init; }

    public string? NoNext { get; init; }

    /// <summary>For <c>ask</c>: where three unclear answers lead instead of "not understood", so nothing said so far is lost.</summary>
    public string? OnUnclear { get; init; }

    /// <summary>For a red-flag checklist: asked after a flag was picked while higher flags of the list remain.</summary>
    public string? FollowUp { get; init; }

    public int Min { get; init; }

    public int Max { get; init; }

    /// <summary>For <c>ask: text</c>: the longest answer accepted.</summary>
    public int MaxLength { get; init; }

    public string? ActionName { get; init; }

    public IReadOnlyDictionary<string, string> Args { get; init; } = new Dictionary<string, string>();

    /// <summary>For <c>goto</c>: a step of the same dialog.</summary>
    public string? GotoStep { get; init; }

    /// <summary>For <c>goto</c>: another dialog, which replaces this one unless <see cref="Call"/> is set.</summary>
    public string? GotoDialog { get; init; }

    /// <summary>For <c>goto</c> a dialog: come back here when it ends and carry on with <see cref="Next"/>.</summary>
    public bool Call { get; init; }
}
