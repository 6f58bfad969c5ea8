using BalanceBot.Core.Reminders;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace BalanceBot.Channels.BotFramework;

internal static class BotFrameworkSetup
{
    public static IHostApplicationBuilder AddBotFrameworkChannel(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration is IConfigurationRoot root)
        {
            RefuseSecretsInJsonFiles(root);
        }
        builder.Services.AddOptions<BotFrameworkOptions>().Bind(builder.Configuration).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>();
        builder.Services.AddHttpClient(BotFrameworkConnectorClient.HttpClientName, BotFrameworkConnectorClient.ConfigureHttpClient);
        builder.Services.AddHttpClient(MsalHttpClientFactory.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.TryAddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        builder.Services.AddSingleton<BotFrameworkCredentials>();
        builder.Services.AddSingleton(_ => new ConnectorPacing());
        builder.Services.AddSingleton<BotFrameworkConnectorClient>();
        builder.Services.AddHttpClient(BotFrameworkSigningKeys.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        builder.Services.AddSingleton<BotFrameworkSigningKeys>();
        builder.Services.AddSingleton<BotFrameworkTokenValidator>();
        builder.Services.AddSingleton<BotFrameworkAdapter>();
        builder.Services.AddSingleton<BotFrameworkProactive>();
        builder.Services.AddSingleton<IProactiveSender, ProactiveSender>();
        return builder;
    }

    /// <summary>
    /// The app password (and a certificate's password) must come from the environment or user secrets; a JSON file beside the app is committed or
    /// copied around (issue 5). Start-up stops, naming the key and the file.
    /// </summary>
    private static void RefuseSecretsInJsonFiles(IConfigurationRoot configuration)
    {
        string[] secretKeys = [nameof(BotFrameworkOptions.MicrosoftAppPassword), nameof(BotFrameworkOptions.MicrosoftAppCertificatePassword)];
        foreach (var provider in configuration.Providers.OfType<Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider>())
        {
            foreach (var key in secretKeys)
            {
                if (provider.TryGet(key, out var secret) && !string.IsNullOrEmpty(secret)
                    && !provider.Source.Path!.Contains("secrets.json", StringComparison.OrdinalIgnoreCase))
                {
                    throw new OptionsValidationException(nameof(BotFrameworkOptions), typeof(BotFrameworkOptions),
                        [$"{key} is set in {provider.Source.Path}: move it to an environment variable or user secrets, and rotate it if that file was ever committed."]);
                }
            }
        }
    }

    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", (HttpContext http, BotFrameworkAdapter adapter) => adapter.ProcessAsync(http));
        return endpoints;
    }
}
