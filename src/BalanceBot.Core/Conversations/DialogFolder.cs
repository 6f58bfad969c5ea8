namespace BalanceBot.Core.Conversations;

/// <summary>Loads every <c>*.yaml</c> dialog file of a folder and validates the whole set.</summary>
public static class DialogFolder
{
    /// <summary>Parses and validates; problems name files as <paramref name="folder"/> joined with the file name.</summary>
    public static (IReadOnlyList<DialogDefinition> Dialogs, IReadOnlyList<DialogProblem> Problems) Check(string folder, IReadOnlyCollection<IDialogAction> actions)
    {
        var problems = new List<DialogProblem>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new DialogProblem(new SourceLocation(folder, 1), "dialog folder does not exist"));
            return ([], problems);
        }

        var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.TopDirectoryOnly)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            problems.Add(new DialogProblem(new SourceLocation(folder, 1), "dialog folder holds no .yaml files"));
            return ([], problems);
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

        // Graph rules on a half-parsed file would only repeat the schema problems in other words.
        if (problems.Count == 0)
        {
            problems.AddRange(DialogValidator.Validate(dialogs, actions));
        }

        return (dialogs, problems);
    }

    /// <summary>Loads a folder for running: any problem stops start-up with all of them listed.</summary>
    public static DialogCatalog Load(string folder, IReadOnlyCollection<IDialogAction> actions)
    {
        var (dialogs, problems) = Check(folder, actions);
        return problems.Count > 0 ? throw new DialogValidationException(problems) : new DialogCatalog(dialogs, actions);
    }
}
