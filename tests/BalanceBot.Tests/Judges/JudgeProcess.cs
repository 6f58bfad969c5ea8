using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace BalanceBot.Tests.Judges;

/// <summary>
/// Runs the real renderers and validators of tests/judges (judge.js) on a batch of what the bot sends. The pinned
/// packages are restored with <c>npm ci</c> once per lock file: the lock file's hash is kept in node_modules, so a
/// changed lock restores again and an unchanged one costs nothing. Without node or npm the test fails saying so.
/// </summary>
internal static class JudgeProcess
{
    private static readonly SemaphoreSlim RestoreLock = new(1, 1);
    private static bool _restored;

    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "judges");

    /// <summary>Judges <paramref name="input"/> with the named judge (cards, manifest, discord) and returns its report.</summary>
    public static async Task<JsonNode> RunAsync(string judge, JsonNode input)
    {
        await RestoreAsync();
        var inputFile = Path.Combine(Path.GetTempPath(), $"balancebot-judge-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(inputFile, input.ToJsonString());
        try
        {
            var (exitCode, output, error) = await RunToolAsync("node", ["judge.js", judge, inputFile], TimeSpan.FromMinutes(2));
            Assert.True(exitCode == 0, $"node judge.js {judge} failed with exit code {exitCode}:\n{error}");
            return JsonNode.Parse(output) ?? throw new InvalidOperationException($"judge {judge} printed nothing");
        }
        finally
        {
            File.Delete(inputFile);
        }
    }

    private static async Task RestoreAsync()
    {
        await RestoreLock.WaitAsync();
        try
        {
            if (_restored)
            {
                return;
            }

            var lockHash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(Folder, "package-lock.json"))));
            var marker = Path.Combine(Folder, "node_modules", ".balancebot-lock-hash");
            if (!File.Exists(marker) || await File.ReadAllTextAsync(marker) != lockHash)
            {
                var (exitCode, _, error) = await RunToolAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], TimeSpan.FromMinutes(5));
                Assert.True(exitCode == 0, $"npm ci in tests/judges failed with exit code {exitCode}:\n{error}");
                await File.WriteAllTextAsync(marker, lockHash);
            }

            _restored = true;
        }
        finally
        {
            RestoreLock.Release();
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunToolAsync(string tool, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // Never a silent skip: the judges are part of the suite, so a machine without Node.js fails it.
            throw new InvalidOperationException($"The judges need Node.js and npm on PATH ('{tool}' could not be started: {e.Message}). Install Node.js 20 or later.", e);
        }

        using (process)
        {
            using var deadline = new CancellationTokenSource(timeout);
            var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var error = process.StandardError.ReadToEndAsync(deadline.Token);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} {string.Join(' ', arguments)} took longer than {timeout}");
            }

            return (process.ExitCode, await output, await error);
        }
    }
}
