using System.CommandLine;
using BalanceBot.Core;
using BalanceBot.Core.Conversations;
using BalanceBot.Hosting;

namespace BalanceBot.Cli;

/// <summary><c>balancebot dialogs validate [folder]</c>: check dialog files the way start-up does.</summary>
internal static class DialogsCommand
{
    private static readonly Argument<string?> Folder = new("folder")
    {
        Description = "The folder of dialog files (default: ./dialogs, or Dialogs:Path).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Command Create()
    {
        var validate = new Command("validate", "Check every dialog file and print 'file:line: problem' for each error. Exit code 1 when there is any.");
        validate.Arguments.Add(Folder);
        validate.SetAction(Validate);

        var dialogs = new Command("dialogs", "Work with the dialog files in dialogs/.");
        dialogs.Subcommands.Add(validate);
        return dialogs;
    }

    private static int Validate(ParseResult parseResult)
    {
        // A folder typed on the command line is relative to where it was typed, not to where dotnet run starts the app.
        var folder = parseResult.GetValue(Folder) is { Length: > 0 } typed
            ? CallerDirectory.Resolve(typed)
            : DialogsOptions.ResolveFolder(Environment.GetEnvironmentVariable("Dialogs__Path"));

        var (dialogs, exercises, problems) = DialogFolder.Check(folder, BuiltInActions.Create());
        foreach (var problem in problems)
        {
            System.Console.Out.WriteLine(problem.ToString());
        }

        if (problems.Count > 0)
        {
            System.Console.Error.WriteLine($"{problems.Count} problem(s) in {folder}.");
            return 1;
        }

        System.Console.Out.WriteLine($"{dialogs.Count} dialogs and {exercises.All.Count} exercises in {folder}: no problems.");
        return 0;
    }
}
