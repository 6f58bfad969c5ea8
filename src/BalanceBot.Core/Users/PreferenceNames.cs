namespace BalanceBot.Core.Users;

/// <summary>The preferences a user can save. Names are persisted and used in dialog files: treat them as API.</summary>
public static class PreferenceNames
{
    public const string PreferredName = "preferred_name";
    public const string WorkdayStart = "workday_start";
    public const string BreaksPerDay = "breaks_per_day";

    /// <summary>ISO country code for emergency and crisis numbers; overrides the deployment's default.</summary>
    public const string Country = "country";

    /// <summary>The user's teams or sites, comma-separated; wellness broadcasts can be aimed at them.</summary>
    public const string Tags = "tags";

    /// <summary><c>muted</c> when the user asked for no wellness broadcasts.</summary>
    public const string Broadcasts = "broadcasts";

    public const string Muted = "muted";

    /// <summary>Ids of wellness campaigns the user left, comma-separated.</summary>
    public const string CampaignsLeft = "campaigns_left";

    /// <summary>
    /// <c>withdrawn</c> after "withdraw consent": nothing optional is stored or counted for the user. Set only by
    /// that dialog's action, so it is not among the preferences dialogs may save.
    /// </summary>
    public const string Consent = "consent";

    public static IReadOnlyList<string> All { get; } = [PreferredName, WorkdayStart, BreaksPerDay, Country, Tags, Broadcasts, CampaignsLeft];

    /// <summary>How each preference is described to the user when they ask what is stored.</summary>
    public static string Describe(string name) => name switch
    {
        PreferredName => "what I call you",
        WorkdayStart => "when your working day starts",
        BreaksPerDay => "movement breaks you'd like a day",
        Country => "your country, for emergency and crisis numbers",
        Tags => "the teams or sites you belong to, for wellness-team messages",
        Broadcasts => "that you muted wellness-team broadcasts",
        CampaignsLeft => "the wellness campaigns you left",
        Consent => "that you withdrew your consent to optional storage",
        _ => name,
    };
}
