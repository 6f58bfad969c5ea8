using Microsoft.Extensions.Options;
using NodaTime;

namespace BalanceBot.Storage;

/// <summary>
/// Deletes what is kept no longer than <see cref="RetentionOptions"/> says: old check-up history and finished
/// broadcast copies. Reminder tallies cap themselves (120 days) and conversation state ends with its dialog.
/// </summary>
internal sealed partial class DataRetention(
    LiteDbUserStore users, LiteDbBroadcastStore broadcasts, IOptions<RetentionOptions> options, TimeProvider time, ILogger<DataRetention> logger)
{
    public RetentionResult Run()
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var historyCutoff = DateOnly.FromDateTime(now.Minus(Duration.FromDays(options.Value.HistoryDays)).ToDateTimeUtc());
        var result = new RetentionResult(
            users.ForgetHistoryBefore(historyCutoff),
            broadcasts.DeleteFinishedBefore(now.Minus(Duration.FromDays(options.Value.FinishedOutboxDays))));
        LogDone(result.UsersWithHistoryTrimmed, result.OutboxCopiesDeleted);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: history trimmed for {Users} users, {Copies} finished broadcast copies deleted")]
    private partial void LogDone(int users, int copies);
}

internal sealed record RetentionResult(int UsersWithHistoryTrimmed, int OutboxCopiesDeleted);
