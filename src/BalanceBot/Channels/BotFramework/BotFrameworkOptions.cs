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

    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
