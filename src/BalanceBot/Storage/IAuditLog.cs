namespace BalanceBot.Storage;

/// <summary>
/// Every admin action: who (an admin's id or an API key's hash prefix), what, on which broadcast, and when. Never a
/// message body of a user, never a key (issue 7).
/// </summary>
internal interface IAuditLog
{
    void Record(string who, string action, string? target);

    /// <summary>Newest first, in the order recorded, so entries made in the same instant keep their order.</summary>
    IReadOnlyList<(DateTimeOffset At, string Who, string Action, string? Target)> Recent(int limit);
}
