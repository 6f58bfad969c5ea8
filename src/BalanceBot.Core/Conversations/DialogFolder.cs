using BalanceBot.Core.Exercises;
using BalanceBot.Core.Understanding;

namespace BalanceBot.Core.Conversations;

/// <summary>Loads every <c>*.yaml</c> dialog file of a folder and validates the whole set.</summary>
public static class DialogFolder
{
    /// <summary>
    /// Parses and validates the dialogs and the exercise library (<c>exercises.yaml</c>); problems name files as
    /// <paramref name="folder"/> joined with the file name.
    /// </summary>
    public static DialogFolderContent Check(string folder, IReadOnlyCollection<IDialogAction> actions)
    {
        var content = Read(folder);
        return content with { Problems = Validate(content, actions) };
    }

    /// <summary>
    /// Every problem of a folder read: those of its files, then the graph rules against the actions this setup has (a
    /// dialog calling an action whose feature, or whose feature's services, is not registered uses an unknown action).
    /// Graph rules on a half-parsed dialog file would only repeat its schema problems in other words, so they wait.
    /// </summary>
    public static IReadOnlyList<DialogProblem> Validate(DialogFolderContent content, IReadOnlyCollection<IDialogAction> actions)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.DialogFilesParsed ? [.. content.Problems, .. DialogValidator.Validate(content.Dialogs, actions)] : content.Problems;
    }

    /// <summary>
    /// Parses the dialogs, the exercise library and the lexicon, checking each file's schema; the graph rules, which
    /// need the registered actions, are <see cref="Validate"/>.
    /// </summary>
    public static DialogFolderContent Read(string folder)
    {
        var problems = new List<DialogProblem>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new DialogProblem(new SourceLocation(folder, 1), "dialog folder does not exist"));
            return new([], ExerciseLibrary.Empty, problems);
        }

        var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.TopDirectoryOnly)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Where(f => Path.GetFileName(f) != ExerciseFileParser.FileName)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            problems.Add(new DialogProblem(new SourceLocation(folder, 1), "dialog folder holds no .yaml files"));
            return new([], ExerciseLibrary.Empty, problems);
        }

        var dialogs = new List<DialogDefinition>();
        foreach (var file in files)
        {
            var shownAs = Path.Combine(folder, Path.GetFileName(file));
            if (DialogFileParser.Parse(shownAs, File.ReadAllText(file), problems) is { } dialog)
            {
                dialogs.Add(dialog);
            }
        }

        var dialogFilesParsed = problems.Count == 0;
        var libraryFile = Path.Combine(folder, ExerciseFileParser.FileName);
        var library = File.Exists(libraryFile)
            ? ExerciseFileParser.Parse(libraryFile, File.ReadAllText(libraryFile), problems)
            : ExerciseLibrary.Empty;
        if (!File.Exists(libraryFile))
        {
            problems.Add(new DialogProblem(new SourceLocation(libraryFile, 1), "the exercise library is missing"));
        }

        return new(dialogs, library, problems) { Understanding = LoadLexicon(folder, dialogs, problems), DialogFilesParsed = dialogFilesParsed };
    }

    /// <summary>The language every deployment has; other languages add their own file next to it.</summary>
    public const string DefaultLanguage = "en";

    private static LanguageUnderstanding? LoadLexicon(string folder, List<DialogDefinition> dialogs, List<DialogProblem> problems)
    {
        var lexiconFile = Path.Combine(folder, LexiconFileParser.FolderName, DefaultLanguage + ".yaml");
        if (!File.Exists(lexiconFile))
        {
            problems.Add(new DialogProblem(new SourceLocation(lexiconFile, 1), "the lexicon of the understanding layer is missing"));
            return null;
        }

        if (LexiconFileParser.Parse(lexiconFile, File.ReadAllText(lexiconFile), problems) is not { } lexicon)
        {
            return null;
        }

        var missing = lexicon.Intents.Where(i => dialogs.TrueForAll(d => d.Id != i.Dialog)).ToList();
        problems.AddRange(missing.Select(i => new DialogProblem(i.Location, $"intent '{i.Id}' starts dialog '{i.Dialog}', which does not exist")));
        return missing.Count == 0 ? new LanguageUnderstanding(lexicon) : null;
    }

    /// <summary>Loads a folder for running: any problem stops start-up with all of them listed.</summary>
    public static DialogCatalog Load(string folder, IReadOnlyCollection<IDialogAction> actions) => Load(Check(folder, actions), actions);

    /// <summary>
    /// Builds the catalog from a folder already read; any problem, or one the graph rules find against
    /// <paramref name="actions"/>, stops start-up with all of them listed.
    /// </summary>
    public static DialogCatalog Load(DialogFolderContent content, IReadOnlyCollection<IDialogAction> actions)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = Validate(content, actions);
        return problems.Count > 0 || content.Understanding is null
            ? throw new DialogValidationException(problems)
            : new DialogCatalog(content.Dialogs, actions, content.Understanding, content.Exercises);
    }
}
