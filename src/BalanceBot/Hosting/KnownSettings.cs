using BalanceBot.Admin;
using BalanceBot.Channels.BotFramework.Package;
using BalanceBot.Channels.Discord;
using BalanceBot.Storage;
using Microsoft.Extensions.Options;

namespace BalanceBot.Hosting;

/// <summary>
/// The numeric settings read straight from configuration (no options class) with their ranges, and the keys every
/// known section may hold. A value out of range or a key no section knows (a typo such as
/// <c>Reminders:SweepIntervalSecond</c>) stops start-up with a message naming the key, never a silent clamp or a
/// silently ignored setting (issue 14 §13).
/// </summary>
internal static class KnownSettings
{
    private static readonly Dictionary<string, (int Default, int Min, int Max)> Numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Hosting:MaxConcurrentTurns"] = (64, 1, 10_000),
        ["Hosting:MaxQueuedTurns"] = (256, 0, 100_000),
        ["Hosting:MaxBodyReadsPerClient"] = (32, 1, 10_000),
        ["Hosting:BodyReadTimeoutSeconds"] = (10, 1, 600),
        ["Conversations:TurnLimit"] = (20, 0, 10_000),
        ["Conversations:TurnLimitWindowSeconds"] = (10, 1, 3600),
        ["Reminders:SweepIntervalSeconds"] = (30, 1, 3600),
        ["Reminders:FirstSweepDelaySeconds"] = (1, 0, 86_400),
        ["Broadcasts:DispatchIntervalSeconds"] = (5, 1, 3600),
        ["Broadcasts:FirstDispatchDelaySeconds"] = (1, 0, 86_400),
    };

    /// <summary>Sections bound to an options class: their keys are its properties.</summary>
    private static readonly Dictionary<string, Type> OptionSections = new(StringComparer.OrdinalIgnoreCase)
    {
        [StorageOptions.Section] = typeof(StorageOptions),
        [RetentionOptions.Section] = typeof(RetentionOptions),
        [PrivacyOptions.Section] = typeof(PrivacyOptions),
        [DialogsOptions.Section] = typeof(DialogsOptions),
        [SafetyOptions.Section] = typeof(SafetyOptions),
        [AdminOptions.Section] = typeof(AdminOptions),
        [DiscordOptions.Section] = typeof(DiscordOptions),
        [TeamsPackageOptions.Section] = typeof(TeamsPackageOptions),
    };

    /// <summary>The value of a numeric setting from the table; out of range stops start-up naming the key.</summary>
    public static int Number(IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var (fallback, min, max) = Numbers[key];
        var value = configuration.GetValue(key, fallback);
        if (value < min || value > max)
        {
            throw new OptionsValidationException(key, typeof(int), [$"{key} must be between {min} and {max} (it is {value})."]);
        }

        return value;
    }

    /// <summary>Every key in a known section that nothing reads, and every numeric setting out of range.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        foreach (var (section, known) in KnownKeys())
        {
            foreach (var child in configuration.GetSection(section).GetChildren())
            {
                if (!known.Contains(child.Key))
                {
                    var nearest = Nearest(known, child.Key);
                    problems.Add($"{section}:{child.Key} is not a setting{(nearest is null ? "." : $"; did you mean {section}:{nearest}?")}");
                }
            }
        }

        foreach (var (key, (fallback, min, max)) in Numbers)
        {
            var value = configuration.GetValue(key, fallback);
            if (value < min || value > max)
            {
                problems.Add($"{key} must be between {min} and {max} (it is {value}).");
            }
        }

        return problems;
    }

    private static IEnumerable<(string Section, HashSet<string> Keys)> KnownKeys()
    {
        foreach (var (section, type) in OptionSections)
        {
            yield return (section, new HashSet<string>(type.GetProperties().Where(p => p.CanWrite).Select(p => p.Name), StringComparer.OrdinalIgnoreCase));
        }

        foreach (var group in Numbers.Keys.GroupBy(key => key[..key.IndexOf(':', StringComparison.Ordinal)], StringComparer.OrdinalIgnoreCase))
        {
            yield return (group.Key, new HashSet<string>(group.Select(key => key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..]), StringComparer.OrdinalIgnoreCase));
        }
    }

    /// <summary>A known key the typed one starts or ends like (a dropped unit), or one within 3 edits.</summary>
    private static string? Nearest(HashSet<string> known, string typed) =>
        known.FirstOrDefault(name => name.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || typed.StartsWith(name, StringComparison.OrdinalIgnoreCase))
        ?? known.Where(name => Distance(name.ToUpperInvariant(), typed.ToUpperInvariant()) <= 3)
            .MinBy(name => Distance(name.ToUpperInvariant(), typed.ToUpperInvariant()));

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
