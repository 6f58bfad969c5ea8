using BalanceBot.Core;
using BalanceBot.Core.Conversations;

namespace BalanceBot.Tests;

/// <summary>
/// What a step of the real dialogs/ says, read from dialogs/ itself: a test that checks a question reached the user
/// names the step, so rewording the YAML does not break it.
/// </summary>
internal static class DialogTexts
{
    private static readonly Lazy<DialogCatalog> Catalog = new(() => DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create()));

    /// <summary>The step's text (an ask's question or a say's sentence) as written, placeholders unfilled.</summary>
    public static string Text(string dialogId, string stepId) =>
        Step(dialogId, stepId).Text ?? throw new InvalidOperationException($"{dialogId}.{stepId} has no text");

    /// <summary>The labels of the step's choices, in order: the buttons a channel shows.</summary>
    public static IReadOnlyList<string> Labels(string dialogId, string stepId) => [.. Step(dialogId, stepId).Choices.Select(c => c.Label)];

    private static StepDefinition Step(string dialogId, string stepId) =>
        Catalog.Value.FindDialog(dialogId)?.FindStep(stepId) ?? throw new InvalidOperationException($"No step {dialogId}.{stepId} in dialogs/");
}
