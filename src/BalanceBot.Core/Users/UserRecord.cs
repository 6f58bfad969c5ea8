using BalanceBot.Core.Checkup;

namespace BalanceBot.Core.Users;

/// <summary>What BalanceBot keeps about one person on one channel.</summary>
public sealed class UserRecord
{
    public required string Key { get; init; }

    public string? DisplayName { get; set; }

    public string? Locale { get; set; }

    public string? TimeZone { get; set; }

    public ConversationAddress? Address { get; set; }

    /// <summary>Preferences the user chose to save, by the names in <see cref="Preferences"/>.</summary>
    public Dictionary<string, string> Preferences { get; init; } = new(StringComparer.Ordinal);

    public required DateTimeOffset FirstSeenUtc { get; init; }

    /// <summary>Check-ups the user chose to keep: area, level and date only, oldest first.</summary>
    public List<CheckupRecord> CheckupHistory { get; init; } = [];

    /// <summary>
    /// The dates the user started a check-up (nothing about it: no area, no answers), for the wellness team's
    /// suppressed "check-ups started" count. Oldest first, a year at most.
    /// </summary>
    public List<DateOnly> CheckupStarts { get; init; } = [];
}
