using BalanceBot.Core.Checkup;

namespace BalanceBot.Core.Tests.Checkup;

/// <param name="Level">The outcome the user was given; null when no outcome was shown.</param>
/// <param name="CrisisResourcesShown">True when the crisis line was given.</param>
internal sealed record CheckupResult(TriageLevel? Level, bool CrisisResourcesShown, IReadOnlyList<string> Transcript)
{
    /// <summary>The user's messages and presses from the complaint to the first guidance (null: none given).</summary>
    public int? MessagesToGuidance { get; init; }
}
