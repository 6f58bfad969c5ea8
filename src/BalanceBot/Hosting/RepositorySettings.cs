using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace BalanceBot.Hosting;

/// <summary>
/// Run from the repository (<c>dotnet run</c> starts the app in its root), the settings are the repository's own
/// <c>appsettings.json</c>, so an edit applies at the next start without a build, and a JSON error names that file
/// rather than the copy in <c>bin/</c>. Anywhere else (a published app) the copy beside the app is read, as before.
/// </summary>
internal static class RepositorySettings
{
    public const string FileName = "appsettings.json";

    /// <summary>The repository's settings file when <paramref name="directory"/> is the repository root, else null.</summary>
    public static string? Find(string directory) =>
        File.Exists(Path.Combine(directory, "BalanceBot.sln")) && File.Exists(Path.Combine(directory, FileName))
            ? Path.GetFullPath(Path.Combine(directory, FileName))
            : null;

    /// <summary>The settings file this process reads: the repository's, or the one beside the app.</summary>
    public static string InUse(string directory) => Find(directory) ?? Path.Combine(AppContext.BaseDirectory, FileName);

    /// <summary>Puts the repository's file where the copy beside the app was, keeping the order of every other source.</summary>
    public static void UseRepositoryFile(IConfigurationBuilder configuration, string directory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (Find(directory) is not { } file)
        {
            return;
        }

        var repository = new JsonConfigurationSource
        {
            Path = FileName,
            Optional = false,
            ReloadOnChange = false,
            FileProvider = new PhysicalFileProvider(Path.GetDirectoryName(file)!),
        };
        var index = configuration.Sources.ToList().FindIndex(source => source is JsonConfigurationSource { Path: FileName });
        if (index < 0)
        {
            configuration.Sources.Insert(0, repository);
        }
        else
        {
            configuration.Sources[index] = repository;
        }
    }

    public static void AddRepositorySettings(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        UseRepositoryFile(builder.Configuration, Directory.GetCurrentDirectory());
    }
}
