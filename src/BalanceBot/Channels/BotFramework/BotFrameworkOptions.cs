namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// Bot Framework settings under the names its users know (botframework.md §2.4), read from the configuration root.
/// Secrets (<c>MicrosoftAppPassword</c>) come from environment variables or user secrets, never appsettings.json.
/// </summary>
internal sealed class BotFrameworkOptions
{
    /// <summary>Empty: local mode, as the Bot Framework Emulator expects (no tokens either way, §2.5).</summary>
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Instead of a password: a PFX file with the app's certificate (MultiTenant or SingleTenant).</summary>
    public string? MicrosoftAppCertificatePath { get; set; }

    /// <summary>The PFX file's password, if it has one (a secret: environment or user secrets).</summary>
    public string? MicrosoftAppCertificatePassword { get; set; }

    /// <summary>Where Bot Framework's signing keys are published (botframework.md §2.2); tests point it at a loopback fake.</summary>
    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>
    /// The authority MSAL asks for outbound tokens (botframework.md §3.2). Empty: <c>https://login.microsoftonline.com/</c>
    /// with <c>botframework.com</c> (MultiTenant) or the tenant id (SingleTenant).
    /// </summary>
    public string ToChannelFromBotLoginUrl { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>The scope of outbound tokens.</summary>
    public string ToChannelFromBotOAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// Development only: accept tokens the Bot Framework Emulator gets from Entra (botframework.md §2.3), checked
    /// against their own issuers and keys, with the app id in <c>azp</c> (v2) or <c>appid</c> (v1).
    /// </summary>
    public bool AllowEmulatorTokens { get; set; }

    public string ToBotFromEmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>The issuers of Emulator tokens (botframework.md §2.3).</summary>
    public List<string> EmulatorTokenIssuers { get; set; } =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
        "https://login.microsoftonline.us/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.us/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    /// <summary>The issuer of channel tokens.</summary>
    public string ToBotFromChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>How long fetched signing keys are kept before they are fetched again.</summary>
    public int SigningKeysCacheHours { get; set; } = 24;

    /// <summary>An unknown key id triggers a refetch at most this often (key rollover without a restart, but no fetch storm).</summary>
    public int SigningKeysRefreshSeconds { get; set; } = 60;

    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
