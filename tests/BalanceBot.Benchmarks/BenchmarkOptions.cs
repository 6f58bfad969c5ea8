using System.Globalization;

namespace BalanceBot.Benchmarks;

/// <summary>Command-line options of the load tool.</summary>
internal sealed record BenchmarkOptions(int Concurrency, int Seconds, int WarmupSeconds)
{
    public const string Usage = """
        BalanceBot message-endpoint load test (closed loop).
        Drives C concurrent conversations through a 3-turn dialog (hi -> a choice -> a yes/no) against
        POST /api/messages of an in-process BalanceBot with state in LiteDB; replies go to a loopback sink.

        Options:
          --concurrency C   conversations in flight (default 16)
          --seconds S       measured duration (default 20)
          --warmup W        unmeasured warm-up before it (default 5)

        Reminder scale (issue 4): --reminders N seeds N users with schedules across 16 zones and reports start-up to
        first sweep, an idle sweep, memory, and 10,000 prompts due in the same minute claimed and handed to a sink.
        """;

    public static BenchmarkOptions? Parse(string[] args)
    {
        var options = new BenchmarkOptions(16, 20, 5);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "-h" or "--help" || i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                return null;
            }

            options = args[i++] switch
            {
                "--concurrency" => options with { Concurrency = value },
                "--seconds" => options with { Seconds = value },
                "--warmup" => options with { WarmupSeconds = value },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }
        }

        return options;
    }
}
