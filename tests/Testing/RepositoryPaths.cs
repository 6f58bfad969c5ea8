namespace BalanceBot.Testing;

/// <summary>Finds the checkout's folders from the test binary, wherever the test runner was started.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Dialogs => Path.Combine(Root, "dialogs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BalanceBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BalanceBot.sln not found above " + AppContext.BaseDirectory);
    }
}
