using BalanceBot.Core.Exercises;

namespace BalanceBot.Core.Conversations;

/// <summary>What a dialogs folder holds once read: the dialogs, the exercise library, and every problem found.</summary>
public sealed record DialogFolderContent(IReadOnlyList<DialogDefinition> Dialogs, ExerciseLibrary Exercises, IReadOnlyList<DialogProblem> Problems);
