namespace BalanceBot.Core.Privacy;

/// <summary>Hands a user everything stored about them as a file (issue 8): the host stores and serves it.</summary>
public interface IUserDataExport
{
    /// <summary>
    /// A link to a JSON file of everything stored about the user, which works once and for a short time; null when
    /// this installation has no public address to link to.
    /// </summary>
    DataExportLink? CreateLink(string userKey, string conversationKey);

    /// <summary>Whether <see cref="CreateLink"/> can make links here, so dialogs offer export only where it works.</summary>
    bool IsEnabled { get; }
}

public sealed record DataExportLink(Uri Url, DateTimeOffset ExpiresUtc);
