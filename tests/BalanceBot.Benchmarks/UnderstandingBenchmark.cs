using System.Diagnostics;
using BalanceBot.Core;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Testing;

namespace BalanceBot.Benchmarks;

/// <summary>
/// <c>--understanding</c>: the understanding layer alone over the safety corpus (issue 16). Prints precision and
/// recall per safety class, the confusion list, and the CPU time per message (target: at most 0.1 ms per turn).
/// Run by hand; never a timed test.
/// </summary>
internal static class UnderstandingBenchmark
{
    public static int Run(int rounds)
    {
        var layer = DialogFolder.Check(RepositoryPaths.Dialogs, BuiltInActions.Create()).Understanding
            ?? throw new InvalidOperationException("dialogs/lexicon has problems: run `balancebot dialogs validate`");
        var corpus = File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "BalanceBot.Core.Tests", "Understanding", "safety-corpus.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t', 2))
            .Select(parts => (Expected: parts[0], Text: parts[1]))
            .ToList();

        var results = corpus.Select(c => (c.Expected, c.Text, Found: Name(layer.Understand(c.Text).Safety))).ToList();
        Console.WriteLine($"Safety corpus: {corpus.Count} messages");
        foreach (var name in new[] { "emergency", "crisis", "negated", "none" })
        {
            var truePositives = results.Count(r => r.Expected == name && r.Found == name);
            var predicted = results.Count(r => r.Found == name);
            var actual = results.Count(r => r.Expected == name);
            Console.WriteLine($"  {name,-10} n={actual,4}  precision {Ratio(truePositives, predicted)}  recall {Ratio(truePositives, actual)}");
        }

        var confusions = results.Where(r => r.Expected != r.Found).ToList();
        Console.WriteLine($"Confusions: {confusions.Count}");
        foreach (var (expected, text, found) in confusions)
        {
            Console.WriteLine($"  expected {expected}, got {found}: {text}");
        }

        var intents = File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "BalanceBot.Core.Tests", "Understanding", "intent-corpus.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t', 2))
            .Select(parts => (Expected: parts[0], Text: parts[1], Found: layer.Understand(parts[1]).IntentDialog ?? "-"))
            .ToList();
        Console.WriteLine($"Intent corpus: {intents.Count} messages, accuracy {Ratio(intents.Count(i => i.Expected == i.Found), intents.Count)}");
        foreach (var name in intents.Select(i => i.Expected).Distinct().Order(StringComparer.Ordinal))
        {
            var truePositives = intents.Count(i => i.Expected == name && i.Found == name);
            Console.WriteLine($"  {name,-16} n={intents.Count(i => i.Expected == name),3}  precision {Ratio(truePositives, intents.Count(i => i.Found == name))}  recall {Ratio(truePositives, intents.Count(i => i.Expected == name))}");
        }

        foreach (var (expected, text, found) in intents.Where(i => i.Expected != i.Found))
        {
            Console.WriteLine($"  expected {expected}, got {found}: {text}");
        }

        // CPU time, not wall time, on one thread: the per-turn cost on this machine whatever else runs. The first pass
        // runs on a fresh layer, with an empty word cache (every typo search done once), the rest warm.
        var process = Process.GetCurrentProcess();
        var fresh = DialogFolder.Check(RepositoryPaths.Dialogs, BuiltInActions.Create()).Understanding!;
        var coldStart = process.TotalProcessorTime;
        foreach (var c in corpus)
        {
            fresh.Understand(c.Text);
        }

        process.Refresh();
        Console.WriteLine($"CPU per message, cold word cache: {(process.TotalProcessorTime - coldStart).TotalMilliseconds / corpus.Count:F4} ms");
        var before = process.TotalProcessorTime;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var c in corpus)
            {
                layer.Understand(c.Text);
            }
        }

        process.Refresh();
        var perMessage = (process.TotalProcessorTime - before).TotalMilliseconds / (rounds * (double)corpus.Count);
        Console.WriteLine($"CPU per message: {perMessage:F4} ms over {rounds * corpus.Count} messages (target <= 0.1 ms)");

        var hostile = new[] { new string('x', 100_000), string.Concat(Enumerable.Repeat("numb tingl pain ", 10_000)), string.Concat(Enumerable.Repeat("😀", 50_000)) };
        foreach (var text in hostile)
        {
            var start = process.TotalProcessorTime;
            layer.Understand(text);
            process.Refresh();
            Console.WriteLine($"Hostile input of {text.Length} chars: {(process.TotalProcessorTime - start).TotalMilliseconds:F1} ms CPU");
        }

        return confusions.Any(c => c.Expected is "emergency" or "crisis") ? 1 : 0;
    }

    private static string Name(SafetyConcern concern) => concern switch
    {
        SafetyConcern.Emergency => "emergency",
        SafetyConcern.Crisis => "crisis",
        SafetyConcern.NegatedEmergency => "negated",
        _ => "none",
    };

    private static string Ratio(int part, int whole) => whole == 0 ? "   n/a" : $"{100.0 * part / whole,5:F1}%";
}
