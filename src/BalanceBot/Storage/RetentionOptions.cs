using System.ComponentModel.DataAnnotations;

namespace BalanceBot.Storage;

/// <summary>Configuration section <c>Retention</c>: how long data is kept before the nightly job deletes it (issue 8).</summary>
internal sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Kept check-ups and check-up start dates older than this many days are deleted.</summary>
    [Range(30, 3650, ErrorMessage = "Retention:HistoryDays must be between 30 and 3650")]
    public int HistoryDays { get; set; } = 365;

    /// <summary>Broadcast copies in a final state (sent, failed, muted, …) older than this many days are deleted.</summary>
    [Range(1, 3650, ErrorMessage = "Retention:FinishedOutboxDays must be between 1 and 3650")]
    public int FinishedOutboxDays { get; set; } = 30;
}
