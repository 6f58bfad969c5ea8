using System.CommandLine;
using BalanceBot.Core.Conversations;
using BalanceBot.Hosting;
using BalanceBot.Storage;

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

        var content = DialogFolder.Read(folder);
        var (dialogs, exercises) = (content.Dialogs, content.Exercises);
        var problems = content.DialogFilesParsed ? DialogFolder.Validate(content, RegisteredActions(folder)) : content.Problems;
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

    /// <summary>
    /// The actions the terminal chat registers, from the same composition, over a throw-away in-memory database:
    /// the dialogs are checked against what a running bot has, not against a list kept here.
    /// </summary>
    private static IReadOnlyList<IDialogAction> RegisteredActions(string folder)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{StorageOptions.Section}:Path"] = BalanceBotDatabase.InMemory,
            [$"{DialogsOptions.Section}:Path"] = folder,
        });
        builder.AddTerminalConversations();
        using var host = builder.Build();
        return host.Services.GetRequiredService<DialogActionSet>().Actions;
    }
}
