namespace BalanceBot.Core.Users;

/// <summary>
/// Deletes everything stored about one user, in every store and channel cache ("forget me"). Implemented where the
/// stores live; Core only asks and tells the user what went.
/// </summary>
public interface IUserDataEraser
{
    /// <returns>What was deleted, in words for the user (e.g. "your reminder schedule and its stats").</returns>
    ValueTask<IReadOnlyList<string>> EraseAsync(string userKey, string conversationKey, CancellationToken cancellationToken);
}
