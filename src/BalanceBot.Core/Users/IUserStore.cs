namespace BalanceBot.Core.Users;

/// <summary>User records, keyed by channel-qualified user key.</summary>
public interface IUserStore
{
    ValueTask<UserRecord?> FindAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the whole record atomically.</summary>
    ValueTask SaveAsync(UserRecord user, CancellationToken cancellationToken);

    /// <summary>Every user, streamed (a broadcast's audience is chosen from them).</summary>
    IEnumerable<UserRecord> All();
}
