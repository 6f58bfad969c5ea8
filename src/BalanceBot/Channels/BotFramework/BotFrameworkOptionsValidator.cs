using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace BalanceBot.Channels.BotFramework;

/// <summary>Stops start-up on settings this version cannot honour, naming the key.</summary>
internal sealed class BotFrameworkOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<BotFrameworkOptions>
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
        var hasCertificate = !string.IsNullOrWhiteSpace(options.MicrosoftAppCertificatePath);
        if (!isMsi && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword) && !hasCertificate)
        {
            failures.Add($"MicrosoftAppPassword (or MicrosoftAppCertificatePath) is required with MicrosoftAppType {type}: set the password as an environment variable or user secret, never in appsettings.json.");
        }

        if (hasCertificate && !isMsi && CertificateProblem(options) is { } problem)
        {
            failures.Add(problem);
        }

        if (isMsi && !string.IsNullOrEmpty(options.MicrosoftAppPassword))
        {
            failures.Add("MicrosoftAppPassword must be empty with MicrosoftAppType UserAssignedMsi (the managed identity has no secret).");
        }

        if (isMsi && hasCertificate)
        {
            failures.Add("MicrosoftAppCertificatePath must be empty with MicrosoftAppType UserAssignedMsi (the managed identity has no certificate).");
        }

        if (!isMsi && hasCertificate && !string.IsNullOrEmpty(options.MicrosoftAppPassword))
        {
            failures.Add("Set MicrosoftAppPassword or MicrosoftAppCertificatePath, not both: which credential the bot signs in with must not be a guess.");
        }

        if ((isMsi || type.Equals("SingleTenant", StringComparison.OrdinalIgnoreCase)) && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            failures.Add($"MicrosoftAppTenantId is required with MicrosoftAppType {type}.");
        }

        foreach (var (key, url) in new[] { ("ToBotFromChannelOpenIdMetadataUrl", options.ToBotFromChannelOpenIdMetadataUrl), ("ToChannelFromBotLoginUrl", options.ToChannelFromBotLoginUrl) })
        {
            // MSAL refuses a non-https authority with a stack trace, even on loopback: the login URL is https always.
            var loopbackAllowed = key != "ToChannelFromBotLoginUrl";
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(loopbackAllowed && uri.IsLoopback)))
            {
                failures.Add($"{key} must be an https URL, not '{url}'.");
            }
        }

        if (options.AllowEmulatorTokens && !environment.IsDevelopment() && !ListensOnLoopbackOnly(configuration))
        {
            failures.Add("AllowEmulatorTokens is for development: turn it on only with ASPNETCORE_ENVIRONMENT=Development or when the server listens on loopback addresses only (--urls http://127.0.0.1:3978).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Kestrel's addresses from urls (also --urls and ASPNETCORE_URLS) and Kestrel:Endpoints; unset means localhost:5000.</summary>
    private static bool ListensOnLoopbackOnly(IConfiguration configuration)
    {
        if (!string.IsNullOrEmpty(configuration["http_ports"]) || !string.IsNullOrEmpty(configuration["https_ports"]))
        {
            return false;
        }

        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"] ?? ""));
        return urls.All(url => Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>A wrong path or password would otherwise surface only at the first reply, as an MSAL error.</summary>
    private static string? CertificateProblem(BotFrameworkOptions options)
    {
        var path = options.MicrosoftAppCertificatePath!;
        if (!File.Exists(path))
        {
            return $"MicrosoftAppCertificatePath '{path}' does not exist.";
        }

        try
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.MicrosoftAppCertificatePassword);
            return certificate.HasPrivateKey ? null : $"MicrosoftAppCertificatePath '{path}' has no private key: export the certificate as a PFX with its key.";
        }
        catch (CryptographicException)
        {
            // The exception text is not shown: it can echo details of the key file.
            return $"MicrosoftAppCertificatePath '{path}' could not be read as a PFX file with MicrosoftAppCertificatePassword.";
        }
    }
}
