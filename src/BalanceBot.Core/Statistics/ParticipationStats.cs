using System.Globalization;
using BalanceBot.Core.Broadcasts;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;
using NodaTime;
using NodaTime.Calendars;

namespace BalanceBot.Core.Statistics;

/// <summary>
/// One published number: for an ISO week and a tag (or <c>all</c>), a measure over <see cref="People"/> people.
/// Both are null when the cell is suppressed.
/// </summary>
public sealed record StatsCell(string Week, string Tag, string Measure, int? People, double? Value, bool Suppressed);

/// <summary>
/// The wellness team's view (issue 7): per week and per tag, who takes part and how, as aggregates only. A cell about
/// fewer than the minimum group of people is suppressed, and so is a cell whose difference from an overlapping,
/// larger cell would single out fewer than that many people (the differencing attack). No per-user row ever leaves.
/// </summary>
public static class ParticipationStats
{
    public const string AllTag = "all";

    /// <summary>The smallest minimum group size a deployment may set.</summary>
    public const int LowestMinimumGroupSize = 5;

    /// <param name="broadcastCopiesSent">Each broadcast copy sent: to whom, and the date it was due (the reach measure).</param>
    public static IReadOnlyList<StatsCell> Compute(
        IEnumerable<UserRecord> users,
        IEnumerable<ReminderSubscription> reminders,
        LocalDate today,
        int weeks,
        int minimumGroupSize,
        IEnumerable<(string UserKey, LocalDate Date)>? broadcastCopiesSent = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumGroupSize, LowestMinimumGroupSize);
        var copies = (broadcastCopiesSent ?? []).ToLookup(c => c.UserKey, c => c.Date, StringComparer.Ordinal);
        var people = users.Where(u => u.Address is not null).ToDictionary(u => u.Key, StringComparer.Ordinal);
        var subscriptions = reminders.Where(r => people.ContainsKey(r.UserKey)).ToDictionary(r => r.UserKey, StringComparer.Ordinal);
        var cells = new List<(string Week, string Tag, string Measure, HashSet<string> Who, double Value)>();
        var firstMonday = today.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)).PlusWeeks(1 - weeks);
        for (var monday = firstMonday; monday <= today; monday = monday.PlusWeeks(1))
        {
            var week = WeekName(monday);
            var sunday = monday.PlusDays(6);
            foreach (var (tag, members) in Groups(people.Values))
            {
                if (monday.PlusWeeks(1) > today)
                {
                    // Who is opted in is known now, not historically: reported for the current week only.
                    var optedIn = members.Where(u => !BroadcastPlanner.IsMuted(u)).Select(u => u.Key).ToHashSet(StringComparer.Ordinal);
                    cells.Add((week, tag, "opted_in_users", optedIn, optedIn.Count));
                }

                var tallies = members
                    .Select(u => (u.Key, Days: subscriptions.TryGetValue(u.Key, out var s) ? s.Tally.Where(t => t.Key >= monday && t.Key <= sunday).Select(t => t.Value).ToList() : []))
                    .Where(t => t.Days.Count > 0)
                    .ToList();
                var active = tallies.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
                var done = tallies.Sum(t => t.Days.Sum(d => d.Done));
                var answered = done + tallies.Sum(t => t.Days.Sum(d => d.Skipped));
                cells.Add((week, tag, "reminder_users", active, active.Count));
                cells.Add((week, tag, "prompts_sent", active, tallies.Sum(t => t.Days.Sum(d => d.Sent))));
                cells.Add((week, tag, "prompts_answered", active, answered));
                cells.Add((week, tag, "done_rate", active, answered == 0 ? 0 : Math.Round((double)done / answered, 3)));
                AddCount(cells, week, tag, "checkups_started", members.Select(u => (u.Key, u.CheckupStarts.Count(d => InWeek(LocalDate.FromDateOnly(d), monday)))));
                AddCount(cells, week, tag, "broadcast_reach", members.Select(u => (u.Key, copies[u.Key].Count(d => InWeek(d, monday)))));

                // Fixed rows: every area and level, every week and tag, so that whether a row exists says nothing about
                // whether someone kept such a check-up (issue 14 §2); an empty or small one is suppressed like any other.
                var kept = members
                    .SelectMany(u => u.CheckupHistory.Where(c => LocalDate.FromDateOnly(c.Date) >= monday && LocalDate.FromDateOnly(c.Date) <= sunday).Select(c => (u.Key, Cell: KeptCheckupsMeasure(c.Area, c.Level))))
                    .ToLookup(c => c.Cell, c => c.Key, StringComparer.Ordinal);
                foreach (var measure in KeptCheckupsMeasures)
                {
                    cells.Add((week, tag, measure, kept[measure].ToHashSet(StringComparer.Ordinal), kept[measure].Count()));
                }
            }
        }

        return Suppress(cells, minimumGroupSize);
    }

    /// <summary>Body areas a kept check-up is counted under; anything else is counted as "other".</summary>
    private static readonly IReadOnlyList<string> KeptCheckupAreas = [.. Exercises.ExerciseLibrary.Areas, "other"];

    private static readonly IReadOnlyList<string> KeptCheckupsMeasures =
        [.. KeptCheckupAreas.SelectMany(area => TriageLevels.Names.Select(level => $"kept_checkups:{area}:{level}"))];

    private static string KeptCheckupsMeasure(string area, TriageLevel level) =>
        $"kept_checkups:{(KeptCheckupAreas.Contains(area, StringComparer.Ordinal) ? area : "other")}:{TriageLevels.Name(level)}";

    private static bool InWeek(LocalDate date, LocalDate monday) => date >= monday && date < monday.PlusWeeks(1);

    /// <summary>A count of events (the value) over the people who had at least one (the cell's group).</summary>
    private static void AddCount(List<(string, string, string, HashSet<string>, double)> cells, string week, string tag, string measure, IEnumerable<(string Key, int Count)> perUser)
    {
        var counted = perUser.Where(u => u.Count > 0).ToList();
        cells.Add((week, tag, measure, counted.Select(u => u.Key).ToHashSet(StringComparer.Ordinal), counted.Sum(u => u.Count)));
    }

    /// <summary>The ISO week a Monday starts, as <c>2026-W14</c>.</summary>
    public static string WeekName(LocalDate monday) => string.Create(CultureInfo.InvariantCulture,
        $"{WeekYearRules.Iso.GetWeekYear(monday)}-W{WeekYearRules.Iso.GetWeekOfWeekYear(monday):00}");

    private static IEnumerable<(string Tag, List<UserRecord> Members)> Groups(IEnumerable<UserRecord> users)
    {
        var all = users.ToList();
        yield return (AllTag, all);
        foreach (var tag in all.SelectMany(Tags).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            yield return (tag, all.Where(u => Tags(u).Contains(tag, StringComparer.OrdinalIgnoreCase)).ToList());
        }
    }

    private static IEnumerable<string> Tags(UserRecord user) =>
        (user.Preferences.GetValueOrDefault(PreferenceNames.Tags) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.ToLowerInvariant());

    private static List<StatsCell> Suppress(List<(string Week, string Tag, string Measure, HashSet<string> Who, double Value)> cells, int minimum)
    {
        var hidden = new bool[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            hidden[i] = cells[i].Who.Count < minimum;
        }

        // Differencing: any sum or difference of the published people counts (all − berlin − paris, complements, one
        // week against another, one measure against another) counts a union of "atoms": the people who share one
        // pattern of membership in the published cells. A cell is published only if, with it, every non-empty atom
        // still has the minimum, so no combination across tags, weeks and measures can describe fewer people (issue
        // 14 §2). "all" goes first, then the current week, then larger cells before smaller.
        var atoms = new Atoms();
        foreach (var candidate in Enumerable.Range(0, cells.Count).Where(i => !hidden[i])
            .OrderBy(i => cells[i].Tag == AllTag ? 0 : 1)
            .ThenByDescending(i => cells[i].Week, StringComparer.Ordinal)
            .ThenByDescending(i => cells[i].Who.Count)
            .ThenBy(i => cells[i].Tag, StringComparer.Ordinal)
            .ThenBy(i => cells[i].Measure, StringComparer.Ordinal))
        {
            hidden[candidate] = !atoms.TrySplit(cells[candidate].Who, minimum);
        }

        return [.. cells.Select((c, i) => hidden[i]
            ? new StatsCell(c.Week, c.Tag, c.Measure, null, null, Suppressed: true)
            : new StatsCell(c.Week, c.Tag, c.Measure, c.Who.Count, c.Value, Suppressed: false))];
    }
}

/// <summary>
/// The partition of everyone counted in a published cell into groups that no published cell tells apart. Adding a
/// cell splits each group into its members inside and outside the cell; it is refused if a part would be non-empty
/// and smaller than the minimum. Linear in the cell's size, so every week, tag and measure can go through one partition.
/// </summary>
internal sealed class Atoms
{
    private readonly Dictionary<string, int> _atomOf = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _size = [];
    private int _next = 1;

    public bool TrySplit(HashSet<string> who, int minimum)
    {
        // Atom 0 is everyone not yet counted in any published cell: nothing tells them apart, so it has no size limit.
        var inside = who.GroupBy(person => _atomOf.GetValueOrDefault(person)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (atom, members) in inside)
        {
            var outside = atom == 0 ? 0 : _size[atom] - members.Count;
            if (members.Count < minimum || (outside > 0 && outside < minimum))
            {
                return false;
            }
        }

        foreach (var (atom, members) in inside)
        {
            if (atom != 0 && members.Count == _size[atom])
            {
                continue;
            }

            var split = _next++;
            foreach (var person in members)
            {
                _atomOf[person] = split;
            }

            _size[split] = members.Count;
            if (atom != 0)
            {
                _size[atom] -= members.Count;
            }
        }

        return true;
    }
}
