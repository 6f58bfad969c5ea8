namespace BalanceBot.Channels.BotFramework.Package;

/// <summary>Configuration section <c>Teams:Package</c>: what the app manifest says about the app and who publishes it.</summary>
internal sealed class TeamsPackageOptions
{
    public const string Section = "Teams:Package";

    public string ShortName { get; set; } = "BalanceBot";

    public string FullName { get; set; } = "BalanceBot movement coach";

    public string ShortDescription { get; set; } = "Quick stretches, movement breaks and safe when-to-see-a-doctor guidance.";

    public string FullDescription { get; set; } =
        "BalanceBot is a movement coach for the working day: desk stretches, reminders on your own schedule, and a check-up for pain or tension that ends with safe guidance on whom to see. It gives general guidance, not a diagnosis.";

    public string DeveloperName { get; set; } = "Your wellness team";

    public string WebsiteUrl { get; set; } = "https://www.example.com/balancebot";

    public string PrivacyUrl { get; set; } = "https://www.example.com/balancebot/privacy";

    public string TermsOfUseUrl { get; set; } = "https://www.example.com/balancebot/terms";

    public string Version { get; set; } = "1.0.0";

    /// <summary>Domains the app may open (the bot's own host, if it shows any pages).</summary>
    public List<string> ValidDomains { get; set; } = [];
}
