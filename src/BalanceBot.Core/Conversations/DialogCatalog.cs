using BalanceBot.Core.Exercises;
using BalanceBot.Core.Understanding;

namespace BalanceBot.Core.Conversations;

/// <summary>The validated set of dialogs and actions the engine runs. Built once at start-up.</summary>
public sealed class DialogCatalog
{
    private readonly Dictionary<string, DialogDefinition> _dialogs;
    private readonly Dictionary<string, IDialogAction> _actions;
    private readonly Dictionary<string, DialogDefinition> _triggers;

    public DialogCatalog(IEnumerable<DialogDefinition> dialogs, IEnumerable<IDialogAction> actions, LanguageUnderstanding understanding, ExerciseLibrary? exercises = null)
    {
        ArgumentNullException.ThrowIfNull(understanding);
        Understanding = understanding;
        Exercises = exercises ?? ExerciseLibrary.Empty;
        _dialogs = new Dictionary<string, DialogDefinition>(StringComparer.Ordinal);
        _triggers = new Dictionary<string, DialogDefinition>(StringComparer.Ordinal);
        foreach (var dialog in dialogs)
        {
            _dialogs.TryAdd(dialog.Id, dialog);
            foreach (var trigger in dialog.Triggers)
            {
                _triggers.TryAdd(InputText.Normalize(trigger), dialog);
            }
        }

        _actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
    }

    public IEnumerable<DialogDefinition> Dialogs => _dialogs.Values;

    public ExerciseLibrary Exercises { get; }

    /// <summary>The understanding layer (issue 16): normalisation, negation and the safety scan every turn runs first.</summary>
    public LanguageUnderstanding Understanding { get; }

    public IReadOnlyDictionary<string, IDialogAction> Actions => _actions;

    public DialogDefinition? FindDialog(string id) => _dialogs.GetValueOrDefault(id);

    public DialogDefinition GetDialog(string id) =>
        _dialogs.TryGetValue(id, out var dialog) ? dialog : throw new KeyNotFoundException($"No dialog '{id}' is loaded.");

    /// <summary>The dialog a typed phrase starts, if any (after normalising case, spaces and end punctuation).</summary>
    public DialogDefinition? FindTriggered(string normalizedText) => _triggers.GetValueOrDefault(normalizedText);
}
