namespace BalanceBot.Hosting;

/// <summary>Configuration section <c>Safety</c>: where emergency and crisis numbers come from.</summary>
internal sealed class SafetyOptions
{
    public const string Section = "Safety";

    /// <summary>ISO country code used when a user has not chosen one (GB, DE, US built in). Empty: "your local emergency number".</summary>
    public string? DefaultCountry { get; set; }

    /// <summary>Extra countries, or replacements for the built-in ones, by ISO code.</summary>
    public Dictionary<string, SafetyContactsOptions> Countries { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
