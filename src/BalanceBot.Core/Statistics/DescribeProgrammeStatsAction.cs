using System.Globalization;
using System.Text;
using BalanceBot.Core.Broadcasts;
using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Statistics;

/// <summary>
/// <c>action: describe_programme_stats</c>: this week's aggregates in words, for wellness-team members only; a
/// suppressed number reads "fewer than N people" and is never shown.
/// </summary>
public sealed class DescribeProgrammeStatsAction(IProgrammeStatistics statistics) : IDialogAction
{
    private static readonly string[] Measures = ["opted_in_users", "reminder_users", "prompts_sent", "prompts_answered", "done_rate", "checkups_started", "broadcast_reach"];

    public string Name => "describe_programme_stats";

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Turn.IsAdmin)
        {
            context.Say(RequireAdminAction.Refusal);
            return ValueTask.FromResult(DialogActionResult.End);
        }

        var (cells, minimum) = statistics.CurrentWeek(context.Turn.UserKey);
        var week = cells.Count > 0 ? cells[0].Week : "";
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"This week ({week}), aggregates only; groups under {minimum} people are hidden:");
        foreach (var tag in cells.Select(c => c.Tag).Distinct(StringComparer.Ordinal))
        {
            var row = Measures.Select(m => cells.FirstOrDefault(c => c.Tag == tag && c.Measure == m)).ToList();
            text.Append(CultureInfo.InvariantCulture, $"\n- {(tag == ParticipationStats.AllTag ? "everyone" : tag)}: ")
                .Append(string.Join(", ", row.Select((cell, i) => $"{Label(Measures[i])} {Show(cell, Measures[i], minimum)}")));
        }

        context.Say(text.Append("\nThe admin API has every week and kept check-ups by area and level (GET /api/admin/stats).").ToString());
        return ValueTask.FromResult(DialogActionResult.Continue);
    }

    private static string Label(string measure) => measure switch
    {
        "opted_in_users" => "opted in",
        "reminder_users" => "using reminders",
        "prompts_sent" => "prompts sent",
        "prompts_answered" => "prompts answered",
        "done_rate" => "done rate",
        "checkups_started" => "check-ups started",
        "broadcast_reach" => "broadcast messages delivered",
        _ => measure.Replace('_', ' '),
    };

    private static string Show(StatsCell? cell, string measure, int minimum) => cell switch
    {
        null => "-",
        { Suppressed: true } => $"(fewer than {minimum} people)",
        _ when measure == "done_rate" => cell.Value!.Value.ToString("P0", CultureInfo.InvariantCulture),
        _ => cell.Value!.Value.ToString("0", CultureInfo.InvariantCulture),
    };
}
