namespace BalanceBot.Storage;

/// <summary>
/// The choices behind every Adaptive Card with buttons (issue 13): a card's submit data names the saved prompt, so an
/// old card cannot answer whatever question is open now.
/// </summary>
internal interface ICardPromptStore
{
    /// <summary>
    /// Saves a card's choices for <paramref name="userKey"/> and returns the id its submit data carries. A dialog
    /// question also becomes the user's current one, retiring the cards of every question before it.
    /// </summary>
    string Issue(string userKey, IReadOnlyList<string> choiceIds, bool isQuestion);

    /// <summary>
    /// Claims the press when the prompt exists, is this user's, unexpired, unanswered, still the open question and
    /// offered <paramref name="choiceId"/>; otherwise why not (an id for the log, never shown to the user).
    /// </summary>
    string? TryClaim(string? promptId, string userKey, string? choiceId);
}
