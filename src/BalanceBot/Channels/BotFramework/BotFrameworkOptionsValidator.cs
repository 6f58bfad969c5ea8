using Microsoft.Extensions.Options;

namespace BalanceBot.Channels.BotFramework;

/// <summary>Stops start-up on settings this version cannot honour, naming the key.</summary>
internal sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    private static readonly string[] AppTypes = ["MultiTenant", "SingleTenant", "UserAssignedMsi"];

    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.MicrosoftAppType) && !AppTypes.Contains(options.MicrosoftAppType, StringComparer.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"MicrosoftAppType must be one of {string.Join(", ", AppTypes)}, not '{options.MicrosoftAppType}'.");
        }

        if (options.IsLocalMode)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var type = string.IsNullOrEmpty(options.MicrosoftAppType) ? "MultiTenant" : options.MicrosoftAppType;
        var isMsi = type.Equals("UserAssignedMsi", StringComparison.OrdinalIgnoreCase);
        if (!isMsi && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            failures.Add($"MicrosoftAppPassword is required with MicrosoftAppType {type}: set it as an environment variable or user secret, never in appsettings.json.");
        }

        if (isMsi && !string.IsNullOrEmpty(options.MicrosoftAppPassword))
        {
            failures.Add("MicrosoftAppPassword must be empty with MicrosoftAppType UserAssignedMsi (the managed identity has no secret).");
        }

        if ((isMsi || type.Equals("SingleTenant", StringComparison.OrdinalIgnoreCase)) && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            failures.Add($"MicrosoftAppTenantId is required with MicrosoftAppType {type}.");
        }

        foreach (var (key, url) in new[] { ("ToBotFromChannelOpenIdMetadataUrl", options.ToBotFromChannelOpenIdMetadataUrl), ("ToChannelFromBotLoginUrl", options.ToChannelFromBotLoginUrl) })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
            {
                failures.Add($"{key} must be an https URL, not '{url}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
