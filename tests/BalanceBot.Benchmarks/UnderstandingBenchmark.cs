using System.Diagnostics;
using BalanceBot.Core;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Testing;

namespace BalanceBot.Benchmarks;

/// <summary>
/// <c>--understanding</c>: the understanding layer alone over the labelled corpus (issue 16,
/// <c>understanding-corpus.tsv</c>). Prints precision and recall per safety class, per answer (intent) and per entity
/// kind, the confusion lists, and the CPU time per message (target: at most 0.1 ms per turn).
/// Run by hand; never a timed test.
/// </summary>
internal static class UnderstandingBenchmark
{
    public static int Run(int rounds)
    {
        var layer = DialogFolder.Check(RepositoryPaths.Dialogs, BuiltInActions.Create()).Understanding
            ?? throw new InvalidOperationException("dialogs/lexicon has problems: run `balancebot dialogs validate`");
        var entries = UnderstandingCorpus.Load();
        var results = entries.Select(e => (Entry: e, Reading: UnderstandingCorpus.Read(layer, e.Text))).ToList();
        var corpus = entries.Select(e => (Expected: e.Safety, e.Text)).ToList();
        Console.WriteLine($"Understanding corpus: {entries.Count} messages");
        Console.WriteLine("Safety:");
        foreach (var name in new[] { "emergency", "crisis", "negated", "none" })
        {
            var truePositives = results.Count(r => r.Entry.Safety == name && r.Reading.Safety == name);
            var predicted = results.Count(r => r.Reading.Safety == name);
            var actual = results.Count(r => r.Entry.Safety == name);
            Console.WriteLine($"  {name,-10} n={actual,4}  precision {Ratio(truePositives, predicted)}  recall {Ratio(truePositives, actual)}");
        }

        var confusions = results.Where(r => r.Entry.Safety != r.Reading.Safety).ToList();
        Console.WriteLine($"Safety confusions: {confusions.Count}");
        foreach (var (entry, reading) in confusions)
        {
            Console.WriteLine($"  expected {entry.Safety}, got {reading.Safety}: {entry.Text}");
        }

        var answered = results.Count(r => r.Entry.Answer == r.Reading.Answer);
        var plain = results.Where(r => r.Entry.Safety is "none" or "negated").ToList();
        Console.WriteLine($"Answer (intent) accuracy: {Ratio(answered, results.Count)} of {results.Count}; without emergency and crisis lines {Ratio(plain.Count(r => r.Entry.Answer == r.Reading.Answer), plain.Count)} of {plain.Count}");
        foreach (var name in results.Select(r => r.Entry.Answer).Distinct().Order(StringComparer.Ordinal))
        {
            var truePositives = results.Count(r => r.Entry.Answer == name && r.Reading.Answer == name);
            Console.WriteLine($"  {name,-24} n={results.Count(r => r.Entry.Answer == name),4}  precision {Ratio(truePositives, results.Count(r => r.Reading.Answer == name))}  recall {Ratio(truePositives, results.Count(r => r.Entry.Answer == name))}");
        }

        foreach (var (entry, reading) in results.Where(r => r.Entry.Answer != r.Reading.Answer))
        {
            Console.WriteLine($"  expected {entry.Answer}, got {reading.Answer}: {entry.Text}");
        }

        Console.WriteLine("Entities:");
        foreach (var kind in UnderstandingCorpus.EntityKinds)
        {
            var scores = results.Select(r => (r.Entry, Score: UnderstandingCorpus.Score(r.Entry, r.Reading, kind))).ToList();
            int tp = scores.Sum(s => s.Score.TruePositives), fp = scores.Sum(s => s.Score.FalsePositives), fn = scores.Sum(s => s.Score.FalseNegatives);
            Console.WriteLine($"  {kind,-10} labelled {tp + fn,4}  precision {Ratio(tp, tp + fp)}  recall {Ratio(tp, tp + fn)}  F1 {Ratio(2 * tp, (2 * tp) + fp + fn)}");
            foreach (var (entry, _) in scores.Where(s => s.Score.FalsePositives + s.Score.FalseNegatives > 0))
            {
                var found = results.First(r => r.Entry == entry).Reading.Entities[kind];
                Console.WriteLine($"    expected {(entry.Entities[kind].Count == 0 ? "-" : string.Join(",", entry.Entities[kind]))}, got {(found.Count == 0 ? "-" : string.Join(",", found))}: {entry.Text}");
            }
        }

        var work = results.Select(r => r.Reading.Understood.Work).ToList();
        Console.WriteLine($"Work per message (tokens, comparisons, occurrences): mean {work.Average():F0}, max {work.Max()}");

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
            var hostileWork = layer.Understand(text).Work;
            process.Refresh();
            Console.WriteLine($"Hostile input of {text.Length} chars: {(process.TotalProcessorTime - start).TotalMilliseconds:F1} ms CPU, work {hostileWork}");
        }

        return confusions.Any(c => c.Entry.Safety is "emergency" or "crisis") ? 1 : 0;
    }

    private static string Ratio(int part, int whole) => whole == 0 ? "   n/a" : $"{100.0 * part / whole,5:F1}%";
}
