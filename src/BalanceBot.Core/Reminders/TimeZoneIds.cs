using System.Text;
using NodaTime;
using NodaTime.TimeZones;

namespace BalanceBot.Core.Reminders;

/// <summary>A zone found in what a user typed. <see cref="Exact"/>: they typed a zone id, so nothing was guessed.</summary>
public sealed record TimeZoneMatch(string Id, bool Exact);

/// <summary>
/// Turns what users and channels say about time zones into canonical IANA ids (scheduling-storage.md §5): aliases
/// such as <c>Asia/Calcutta</c> and <c>US/Pacific</c> become <c>Asia/Kolkata</c> and <c>America/Los_Angeles</c>, any
/// letter case is accepted, and Windows ids (<c>W. Europe Standard Time</c>) map through CLDR. People also type
/// cities and countries of the tz database ("Vienna", "Austria"), "Berlin time", common abbreviations ("CET", "UK
/// time") and a few large cities that have no zone of their own ("Munich"); those are guesses, so
/// <see cref="Find"/> marks them inexact and the dialog says the zone back before keeping it. NodaTime's own TZDB is
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
        .GroupBy(id => Plain(id[(id.LastIndexOf('/') + 1)..]), StringComparer.OrdinalIgnoreCase)
        .Where(group => group.Count() == 1)
        .ToDictionary(group => group.Key, group => group.Single(), StringComparer.OrdinalIgnoreCase);

    // How people name zones in writing. Checked before the tz ids because some abbreviations are also legacy ids with
    // a surprising meaning (tzdb's "CET" is now an alias of Europe/Brussels; "EST" is fixed UTC-5 with no summer time).
    // Ambiguous ones (IST: India, Ireland or Israel) take the most common reading; the user confirms it.
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CET"] = "Europe/Berlin", ["CEST"] = "Europe/Berlin", ["MET"] = "Europe/Berlin", ["MEZ"] = "Europe/Berlin",
        ["MESZ"] = "Europe/Berlin", ["Central European"] = "Europe/Berlin",
        ["WET"] = "Europe/Lisbon", ["WEST"] = "Europe/Lisbon", ["EET"] = "Europe/Athens", ["EEST"] = "Europe/Athens",
        ["GMT"] = "Europe/London", ["BST"] = "Europe/London", ["UK"] = "Europe/London", ["British"] = "Europe/London",
        ["United Kingdom"] = "Europe/London", ["Great Britain"] = "Europe/London", ["England"] = "Europe/London",
        ["Scotland"] = "Europe/London", ["Wales"] = "Europe/London", ["Northern Ireland"] = "Europe/London",
        ["EST"] = "America/New_York", ["EDT"] = "America/New_York", ["ET"] = "America/New_York", ["Eastern"] = "America/New_York",
        ["CST"] = "America/Chicago", ["CDT"] = "America/Chicago", ["CT"] = "America/Chicago", ["Central"] = "America/Chicago",
        ["MST"] = "America/Denver", ["MDT"] = "America/Denver", ["Mountain"] = "America/Denver",
        ["PST"] = "America/Los_Angeles", ["PDT"] = "America/Los_Angeles", ["PT"] = "America/Los_Angeles", ["Pacific"] = "America/Los_Angeles",
        ["AKST"] = "America/Anchorage", ["HST"] = "Pacific/Honolulu",
        ["IST"] = "Asia/Kolkata", ["JST"] = "Asia/Tokyo", ["KST"] = "Asia/Seoul", ["SGT"] = "Asia/Singapore",
        ["HKT"] = "Asia/Hong_Kong", ["MSK"] = "Europe/Moscow",
        ["AEST"] = "Australia/Sydney", ["AEDT"] = "Australia/Sydney", ["ACST"] = "Australia/Adelaide", ["AWST"] = "Australia/Perth",
        ["NZST"] = "Pacific/Auckland", ["NZDT"] = "Pacific/Auckland",
    };

    // Large cities people work in that have no tz id of their own, each with the zone it keeps.
    private static readonly Dictionary<string, string> OtherCities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Munich"] = "Europe/Berlin", ["Frankfurt"] = "Europe/Berlin", ["Hamburg"] = "Europe/Berlin", ["Cologne"] = "Europe/Berlin",
        ["Stuttgart"] = "Europe/Berlin", ["Dusseldorf"] = "Europe/Berlin", ["Leipzig"] = "Europe/Berlin", ["Nuremberg"] = "Europe/Berlin",
        ["Salzburg"] = "Europe/Vienna", ["Graz"] = "Europe/Vienna", ["Innsbruck"] = "Europe/Vienna", ["Linz"] = "Europe/Vienna",
        ["Geneva"] = "Europe/Zurich", ["Basel"] = "Europe/Zurich", ["Bern"] = "Europe/Zurich", ["Lausanne"] = "Europe/Zurich",
        ["Manchester"] = "Europe/London", ["Birmingham"] = "Europe/London", ["Edinburgh"] = "Europe/London", ["Glasgow"] = "Europe/London",
        ["Leeds"] = "Europe/London", ["Bristol"] = "Europe/London", ["Cardiff"] = "Europe/London", ["Liverpool"] = "Europe/London",
        ["Cork"] = "Europe/Dublin", ["Milan"] = "Europe/Rome", ["Barcelona"] = "Europe/Madrid", ["Valencia"] = "Europe/Madrid",
        ["Lyon"] = "Europe/Paris", ["Marseille"] = "Europe/Paris", ["Toulouse"] = "Europe/Paris", ["Rotterdam"] = "Europe/Amsterdam",
        ["The Hague"] = "Europe/Amsterdam", ["Antwerp"] = "Europe/Brussels", ["Porto"] = "Europe/Lisbon", ["Krakow"] = "Europe/Warsaw",
        ["Gothenburg"] = "Europe/Stockholm", ["Seville"] = "Europe/Madrid",
        ["San Francisco"] = "America/Los_Angeles", ["Seattle"] = "America/Los_Angeles", ["San Diego"] = "America/Los_Angeles",
        ["Portland"] = "America/Los_Angeles", ["Boston"] = "America/New_York", ["Washington"] = "America/New_York",
        ["Philadelphia"] = "America/New_York", ["Atlanta"] = "America/New_York", ["Miami"] = "America/New_York",
        ["Pittsburgh"] = "America/New_York", ["Dallas"] = "America/Chicago", ["Houston"] = "America/Chicago",
        ["Austin"] = "America/Chicago", ["Minneapolis"] = "America/Chicago", ["Salt Lake City"] = "America/Denver",
        ["Montreal"] = "America/Toronto", ["Ottawa"] = "America/Toronto", ["Calgary"] = "America/Edmonton",
        ["Mumbai"] = "Asia/Kolkata", ["Bombay"] = "Asia/Kolkata", ["Delhi"] = "Asia/Kolkata", ["New Delhi"] = "Asia/Kolkata",
        ["Bangalore"] = "Asia/Kolkata", ["Bengaluru"] = "Asia/Kolkata", ["Chennai"] = "Asia/Kolkata", ["Hyderabad"] = "Asia/Kolkata",
        ["Pune"] = "Asia/Kolkata", ["Beijing"] = "Asia/Shanghai", ["Shenzhen"] = "Asia/Shanghai", ["Guangzhou"] = "Asia/Shanghai",
        ["Osaka"] = "Asia/Tokyo", ["Kyoto"] = "Asia/Tokyo", ["Abu Dhabi"] = "Asia/Dubai", ["Canberra"] = "Australia/Sydney",
        ["Wellington"] = "Pacific/Auckland", ["Cape Town"] = "Africa/Johannesburg", ["Rio de Janeiro"] = "America/Sao_Paulo",
    };

    // "Austria", "Britain": the countries of zone.tab, each with its zone when it has one, or one its own comment calls
    // the main one ("most of Germany", "mainland"); countries of several equal zones (the United States) need a city.
    private static readonly Dictionary<string, string> ByCountry = CountryZones();

    /// <summary>The canonical IANA id, or null when the text names no known zone.</summary>
    public static string? Canonicalize(string? id) => Find(id)?.Id;

    /// <summary>The zone a user's words name, or null when they name none.</summary>
    public static TimeZoneMatch? Find(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (Source.CanonicalIdMap.TryGetValue(trimmed, out var exact) && !Abbreviations.ContainsKey(trimmed))
        {
            return new(exact, Exact: true);
        }

        var words = Plain(WithoutTimeWord(trimmed));
        if (Abbreviations.TryGetValue(words, out var abbreviated) || Abbreviations.TryGetValue(words.Replace('_', ' '), out abbreviated))
        {
            return new(abbreviated, Exact: false);
        }

        if (trimmed.Contains('/', StringComparison.Ordinal) || trimmed.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            if (ByAnyCase.TryGetValue(trimmed.Replace(' ', '_'), out var anyCase))
            {
                return new(anyCase, Exact: true);
            }
        }

        if (Windows.TryGetValue(trimmed, out var fromWindows) && Source.CanonicalIdMap.TryGetValue(fromWindows, out var canonical))
        {
            return new(canonical, Exact: true);
        }

        var key = words.Replace(' ', '_');
        if (ByCity.TryGetValue(words, out var city) || OtherCities.TryGetValue(words, out city) || ByCountry.TryGetValue(words, out city))
        {
            return new(city, Exact: false);
        }

        return ByAnyCase.TryGetValue(key, out var legacy) ? new(legacy, Exact: false) : null;
    }

    public static DateTimeZone Zone(string canonicalId) => Source.ForId(canonicalId);

    // "Berlin time", "UK time zone", "in Munich" -> the place alone.
    private static string WithoutTimeWord(string text)
    {
        var words = text.ToLowerInvariant();
        foreach (var suffix in new[] { " time zone", " timezone", " standard time", " time" })
        {
            if (words.EndsWith(suffix, StringComparison.Ordinal) && words.Length > suffix.Length)
            {
                words = words[..^suffix.Length];
                break;
            }
        }

        return words.StartsWith("in ", StringComparison.Ordinal) ? words[3..].Trim() : words.Trim();
    }

    // Letters people type with accents that zone ids write without. Spelled out rather than Unicode normalisation,
    // which the app's invariant globalization mode does not do.
    private const string Accented = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿ";
    private const string Unaccented = "aaaaaaceeeeiiiinoooooouuuuyy";

    // "Zürich", "  São_Paulo " -> "zurich", "sao paulo": accents and underscores are how ids are written, not people.
    private static string Plain(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var accent = Accented.IndexOf(c, StringComparison.Ordinal);
            plain.Append(c == 'ß' ? "ss" : accent >= 0 ? Unaccented[accent] : c == '_' ? ' ' : c);
        }

        return string.Join(' ', plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static Dictionary<string, string> CountryZones()
    {
        var byCountry = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var country in (Source.ZoneLocations ?? []).GroupBy(location => location.CountryName, StringComparer.Ordinal))
        {
            var zones = country.ToList();
            var main = zones.Count == 1
                ? zones
                : zones.Where(z => z.Comment.Contains("most", StringComparison.OrdinalIgnoreCase) || z.Comment.Contains("mainland", StringComparison.OrdinalIgnoreCase)).ToList();
            if (main.Count != 1 || !Source.CanonicalIdMap.TryGetValue(main[0].ZoneId, out var zone))
            {
                continue;
            }

            // zone.tab writes some names with their short form: "Britain (UK)", "Korea (South)".
            var name = country.Key;
            byCountry.TryAdd(Plain(name), zone);
            var bracket = name.IndexOf(" (", StringComparison.Ordinal);
            if (bracket > 0)
            {
                byCountry.TryAdd(Plain(name[..bracket]), zone);
            }
        }

        return byCountry;
    }
}
