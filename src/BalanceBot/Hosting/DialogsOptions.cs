namespace BalanceBot.Hosting;

/// <summary>Configuration section <c>Dialogs</c>.</summary>
internal sealed class DialogsOptions
{
    public const string Section = "Dialogs";

    /// <summary>The folder of dialog files. Empty: <c>./dialogs</c> when the current directory has one, else the copy beside the app.</summary>
    public string? Path { get; set; }

    public static string ResolveFolder(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        // From a checkout (dotnet run, content authors) the editable dialogs/ wins; an installed app uses its own copy.
        return Directory.Exists("dialogs") ? "dialogs" : System.IO.Path.Combine(AppContext.BaseDirectory, "dialogs");
    }
}
