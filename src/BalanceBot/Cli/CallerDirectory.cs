namespace BalanceBot.Cli;

/// <summary>
/// Where the person typing the command is. <c>dotnet run</c> starts the app in the repository root
/// (<c>RunWorkingDirectory</c>, so data/ and dialogs/ are found from anywhere), which would read a relative path such
/// as <c>../my-dialogs</c> from the wrong place; the shell's <c>PWD</c>, inherited unchanged, still names the caller's
/// directory. Without it (Windows, a service) the current directory is the caller's.
/// </summary>
internal static class CallerDirectory
{
    public static string Resolve(string path) =>
        Resolve(path, Environment.GetEnvironmentVariable("PWD"), Directory.GetCurrentDirectory());

    public static string Resolve(string path, string? shellDirectory, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var from = !string.IsNullOrEmpty(shellDirectory) && Path.IsPathRooted(shellDirectory) && Directory.Exists(shellDirectory)
            ? shellDirectory
            : currentDirectory;
        return Path.GetFullPath(Path.Combine(from, path));
    }
}
