using System.Globalization;
using System.Text;
using BalanceBot.Core.Broadcasts;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Statistics;
using BalanceBot.Core.Users;
using BalanceBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BalanceBot.Admin;

/// <summary>Aggregate participation statistics for the admin API, suppressed below the minimum group size.</summary>
internal sealed class StatsService(
    IUserStore users, IReminderStore reminders, IBroadcastStore broadcasts, IAuditLog audit, IOptions<AdminOptions> options, TimeProvider time)
{
    public const int DefaultWeeks = 8;

    public StatsReport Compute(int? weeks, string who)
    {
        var span = Math.Clamp(weeks ?? DefaultWeeks, 1, 52);
        var zone = DateTimeZoneProviders.Tzdb[options.Value.DefaultTimeZone];
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var today = now.InZone(zone).Date;
        audit.Record(who, "stats.read", null);
        var copies = broadcasts.SentSince(now - Duration.FromDays(7 * (span + 1))).Select(c => (c.UserKey, c.Due.InZone(zone).Date));
        return new StatsReport(options.Value.MinimumGroupSize, ParticipationStats.Compute(users.All(), reminders.All(), today, span, options.Value.MinimumGroupSize, copies));
    }

    /// <summary>The same cells as CSV; a suppressed cell has empty people and value.</summary>
    public static string ToCsv(IReadOnlyList<StatsCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var csv = new StringBuilder("week,tag,measure,people,value,suppressed\n");
        foreach (var cell in cells)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{cell.Week},{Quote(cell.Tag)},{cell.Measure},{cell.People},{cell.Value?.ToString(CultureInfo.InvariantCulture)},{(cell.Suppressed ? "true" : "false")}\n");
        }

        return csv.ToString();
    }

    // Tags are typed by users: quote them, and defuse spreadsheet formulas.
    private static string Quote(string text) =>
        "\"" + (text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

internal sealed record StatsReport(int MinimumGroupSize, IReadOnlyList<StatsCell> Cells);
