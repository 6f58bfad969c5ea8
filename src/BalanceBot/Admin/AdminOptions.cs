namespace BalanceBot.Admin;

/// <summary>
/// The <c>Admin</c> settings section. The admin API is off until a key hash is set; the keys themselves are never
/// stored anywhere (make one with <c>balancebot admin new-key</c>).
/// </summary>
internal sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>SHA-256 of each accepted bearer key, 64 hex digits each.</summary>
    public List<string> ApiKeySha256 { get; set; } = [];

    /// <summary>Wellness-team members on Teams: Entra (AAD) object ids or Teams user ids (<c>29:…</c>).</summary>
    public List<string> TeamsAdmins { get; set; } = [];

    /// <summary>Wellness-team members on Discord by user id, besides members holding <c>Discord:BroadcastPermission</c>.</summary>
    public List<string> DiscordAdmins { get; set; } = [];

    /// <summary>Zone used to place a local-time broadcast for users whose zone is unknown.</summary>
    public string DefaultTimeZone { get; set; } = "Europe/London";

    /// <summary>Statistics cells about fewer people than this are suppressed; never below 5.</summary>
    public int MinimumGroupSize { get; set; } = 10;

    public bool IsEnabled => ApiKeySha256.Count > 0;
}
