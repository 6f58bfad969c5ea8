using BalanceBot.Core.Exercises;
using BalanceBot.Core.Understanding;

namespace BalanceBot.Core.Conversations;

/// <summary>What a dialogs folder holds once read: the dialogs, the exercise library, and every problem found.</summary>
public sealed record DialogFolderContent(IReadOnlyList<DialogDefinition> Dialogs, ExerciseLibrary Exercises, IReadOnlyList<DialogProblem> Problems)
{
    /// <summary>The understanding layer built from <c>lexicon/en.yaml</c>, or null when that file has problems.</summary>
    public LanguageUnderstanding? Understanding { get; init; }

    /// <summary>Every dialog file parsed without a schema problem, so the graph rules can run over them.</summary>
    public bool DialogFilesParsed { get; init; }
}
