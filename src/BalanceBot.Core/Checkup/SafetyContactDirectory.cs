using BalanceBot.Core.Users;

namespace BalanceBot.Core.Checkup;

/// <summary>
/// Emergency, urgent and crisis contacts by country (ISO 3166 alpha-2). The user's own choice of country wins, then
/// the deployment's default; with neither, the wording tells them to call their local emergency number.
/// Built-in entries come from triage.md §1 (verify each before shipping to a new market); a deployment can
/// override or add countries in configuration.
/// </summary>
public sealed class SafetyContactDirectory
{
    /// <summary>When the country is unknown: wording that is right everywhere.</summary>
    public static SafetyContacts Fallback { get; } = new(
        "your local emergency number",
        "your doctor or a local urgent care service",
        "a local crisis line or your local emergency number");

    /// <summary>triage.md §1, locale services per level, with its sources.</summary>
    public static IReadOnlyDictionary<string, SafetyContacts> BuiltIn { get; } = new Dictionary<string, SafetyContacts>(StringComparer.OrdinalIgnoreCase)
    {
        // UK: 999 (112 also works); NHS 111 / NHS 24 111; Samaritans 116 123 [SAMARITANS].
        ["GB"] = new("999 (or 112)", "NHS 111 (NHS 24 on 111 in Scotland) or an urgent GP appointment", "Samaritans on 116 123 (free, 24/7)"),

        // Germany: 112; 116117 ärztlicher Bereitschaftsdienst [DE-116117]; TelefonSeelsorge [DE-TS].
        ["DE"] = new("112", "116117 (ärztlicher Bereitschaftsdienst) or a same-day GP appointment", "TelefonSeelsorge on 0800 111 0 111 or 0800 111 0 222 (free, 24/7)"),

        // US: 911; primary or urgent care; 988 Suicide & Crisis Lifeline [US-988].
        ["US"] = new("911", "your primary care doctor or an urgent care clinic", "the 988 Suicide & Crisis Lifeline (call or text 988)"),
    };

    private readonly IReadOnlyDictionary<string, SafetyContacts> _countries;
    private readonly string? _defaultCountry;

    public SafetyContactDirectory(IReadOnlyDictionary<string, SafetyContacts> countries, string? defaultCountry)
    {
        ArgumentNullException.ThrowIfNull(countries);
        _countries = countries;
        _defaultCountry = string.IsNullOrWhiteSpace(defaultCountry) ? null : defaultCountry;
        if (_defaultCountry is not null && !countries.ContainsKey(_defaultCountry))
        {
            throw new ArgumentException($"No safety contacts are configured for the default country '{_defaultCountry}'.", nameof(defaultCountry));
        }
    }

    public IEnumerable<string> Countries => _countries.Keys;

    public bool Knows(string country) => _countries.ContainsKey(country);

    /// <summary>
    /// The contacts for this user: their chosen country, else the deployment's, else <see cref="Fallback"/>. A user who
    /// chose a country without an entry ("other") gets the fallback, never another country's numbers.
    /// </summary>
    public SafetyContacts For(UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Preferences.TryGetValue(PreferenceNames.Country, out var own))
        {
            return _countries.TryGetValue(own, out var chosen) ? chosen : Fallback;
        }

        return _defaultCountry is not null ? _countries[_defaultCountry] : Fallback;
    }
}
