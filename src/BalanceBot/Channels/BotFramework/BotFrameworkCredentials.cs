using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// Tokens for outbound Connector calls (botframework.md §3.2), from MSAL: a client secret or certificate for
/// MultiTenant (authority <c>…/botframework.com</c>) and SingleTenant (authority <c>…/{tenant}</c>), or a
/// user-assigned managed identity.
/// MSAL caches the token and renews it before it expires. In local mode there is no token (§2.5).
/// </summary>
internal sealed class BotFrameworkCredentials
{
    private readonly Func<CancellationToken, Task<string>>? _acquire;

    public BotFrameworkCredentials(IOptions<BotFrameworkOptions> options, IMsalHttpClientFactory msalHttp)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (settings.IsLocalMode)
        {
            return;
        }

        var scope = settings.ToChannelFromBotOAuthScope;
        if (string.Equals(settings.MicrosoftAppType, "UserAssignedMsi", StringComparison.OrdinalIgnoreCase))
        {
            var identity = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(settings.MicrosoftAppId))
                .WithHttpClientFactory(msalHttp)
                .Build();
            var resource = scope.EndsWith("/.default", StringComparison.Ordinal) ? scope[..^"/.default".Length] : scope;
            _acquire = async cancellationToken =>
                (await identity.AcquireTokenForManagedIdentity(resource).ExecuteAsync(cancellationToken).ConfigureAwait(false)).AccessToken;
            return;
        }

        var tenant = string.Equals(settings.MicrosoftAppType, "SingleTenant", StringComparison.OrdinalIgnoreCase) ? settings.MicrosoftAppTenantId! : "botframework.com";
        var authority = new Uri(new Uri(settings.ToChannelFromBotLoginUrl.TrimEnd('/') + "/"), tenant);
        var builder = ConfidentialClientApplicationBuilder.Create(settings.MicrosoftAppId).WithHttpClientFactory(msalHttp);
        builder = string.IsNullOrWhiteSpace(settings.MicrosoftAppCertificatePath)
            ? builder.WithClientSecret(settings.MicrosoftAppPassword)
            : builder.WithCertificate(X509CertificateLoader.LoadPkcs12FromFile(settings.MicrosoftAppCertificatePath, settings.MicrosoftAppCertificatePassword), sendX5C: true);

        // Instance discovery only knows Microsoft's own login hosts; sovereign or test authorities skip it.
        builder = authority.Host.Equals("login.microsoftonline.com", StringComparison.OrdinalIgnoreCase)
            ? builder.WithAuthority(authority)
            : builder.WithAuthority(authority, validateAuthority: false).WithInstanceDiscovery(false);
        var application = builder.Build();
        _acquire = async cancellationToken =>
            (await application.AcquireTokenForClient([scope]).ExecuteAsync(cancellationToken).ConfigureAwait(false)).AccessToken;
    }

    /// <summary>A Bearer token for the Connector, or null in local mode.</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken) =>
        _acquire is null ? null : await _acquire(cancellationToken).ConfigureAwait(false);
}
