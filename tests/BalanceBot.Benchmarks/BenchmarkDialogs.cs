using BalanceBot.Testing;

namespace BalanceBot.Benchmarks;

/// <summary>The app's real dialogs plus the benchmark's 3-turn waterfall (a choice prompt, then a confirm prompt).</summary>
internal static class BenchmarkDialogs
{
    public static string Create(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Dialogs, "*.yaml"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(folder, "bench.yaml"), """
            id: bench
            triggers: [hi]
            steps:
              - id: area
                ask: choice
                text: Which area would you like to stretch?
                choices:
                  - id: neck
                    label: Neck
                  - id: back
                    label: Back
                  - id: wrists
                    label: Wrists
              - id: ready
                ask: confirm
                text: Ready to start?
              - id: done
                say: Done.
              - id: end
                end: true
            """);
        return folder;
    }
}
