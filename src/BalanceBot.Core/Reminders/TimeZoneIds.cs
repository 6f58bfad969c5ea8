using NodaTime;
using NodaTime.TimeZones;

namespace BalanceBot.Core.Reminders;

/// <summary>
/// Turns what users and channels say about time zones into canonical IANA ids (scheduling-storage.md §5): aliases
/// such as <c>Asia/Calcutta</c> and <c>US/Pacific</c> become <c>Asia/Kolkata</c> and <c>America/Los_Angeles</c>, any
/// letter case is accepted, and Windows ids (<c>W. Europe Standard Time</c>) map through CLDR. NodaTime's own TZDB is
/// used, so every machine agrees whatever its OS tzdata.
/// </summary>
public static class TimeZoneIds
{
    private static readonly TzdbDateTimeZoneSource Source = TzdbDateTimeZoneSource.Default;

    private static readonly Dictionary<string, string> ByAnyCase = Source.CanonicalIdMap
        .GroupBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(group => group.Key, group => group.First().Value, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, string> Windows = new(Source.WindowsMapping.PrimaryMapping, StringComparer.OrdinalIgnoreCase);

    // "london", "new york": the city part of a canonical id, when only one zone has it.
    private static readonly Dictionary<string, string> ByCity = Source.CanonicalIdMap.Values.Distinct()
        .Where(id => id.Contains('/', StringComparison.Ordinal))
        .GroupBy(id => id[(id.LastIndexOf('/') + 1)..], StringComparer.OrdinalIgnoreCase)
        .Where(group => group.Count() == 1)
        .ToDictionary(group => group.Key, group => group.Single(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical IANA id, or null when the text names no known zone.</summary>
    public static string? Canonicalize(string? id)
    {
        var trimmed = id?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (Source.CanonicalIdMap.TryGetValue(trimmed, out var exact))
        {
            return exact;
        }

        if (ByAnyCase.TryGetValue(trimmed.Replace(' ', '_'), out var anyCase))
        {
            return anyCase;
        }

        if (Windows.TryGetValue(trimmed, out var fromWindows) && Source.CanonicalIdMap.TryGetValue(fromWindows, out var canonical))
        {
            return canonical;
        }

        return ByCity.GetValueOrDefault(trimmed.Replace(' ', '_'));
    }

    public static DateTimeZone Zone(string canonicalId) => Source.ForId(canonicalId);
}
