using BalanceBot.Core.Reminders;
using BalanceBot.Hosting;
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
            SecretSettings.RefuseInJsonFiles(root, nameof(BotFrameworkOptions.MicrosoftAppPassword), nameof(BotFrameworkOptions.MicrosoftAppCertificatePassword));
        }
        builder.Services.AddOptions<BotFrameworkOptions>().Bind(builder.Configuration).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>();
        builder.Services.AddHttpClient(BotFrameworkConnectorClient.HttpClientName, BotFrameworkConnectorClient.ConfigureHttpClient);
        builder.Services.AddHttpClient(MsalHttpClientFactory.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.TryAddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        builder.Services.AddSingleton(services => new Admin.TeamsSenderAuthentication(!services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.IsLocalMode));
        builder.Services.AddSingleton<BotFrameworkCredentials>();
        builder.Services.TryAddSingleton(services => new ConnectorPacing(services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<BotFrameworkConnectorClient>();
        builder.Services.AddHttpClient(BotFrameworkSigningKeys.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        builder.Services.AddSingleton<BotFrameworkSigningKeys>();
        builder.Services.AddSingleton<BotFrameworkTokenValidator>();
        builder.Services.AddSingleton<Storage.ICardPromptStore, Storage.LiteDbCardPromptStore>();
        builder.Services.AddSingleton<BotFrameworkAdapter>();
        builder.Services.AddSingleton<BotFrameworkProactive>();
        builder.Services.AddSingleton<IChannelSender>(services => services.GetRequiredService<BotFrameworkProactive>());
        builder.Services.AddSingleton<IProactiveSender, ProactiveSender>();
        return builder;
    }

    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", (HttpContext http, BotFrameworkAdapter adapter) => adapter.ProcessAsync(http));
        return endpoints;
    }
}
