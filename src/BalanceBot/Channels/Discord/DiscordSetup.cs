using BalanceBot.Hosting;
using BalanceBot.Storage;
using Microsoft.Extensions.Options;

namespace BalanceBot.Channels.Discord;

/// <summary>The Discord channel: on only when <c>Discord:ApplicationId</c> and <c>Discord:PublicKey</c> are set.</summary>
internal static class DiscordSetup
{
    public static IHostApplicationBuilder AddDiscordChannel(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration is IConfigurationRoot root)
        {
            SecretSettings.RefuseInJsonFiles(root, $"{DiscordOptions.Section}:{nameof(DiscordOptions.BotToken)}");
        }

        builder.Services.AddOptions<DiscordOptions>().Bind(builder.Configuration.GetSection(DiscordOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();

        // Imported once; only resolved when the channel is on, so an unset key never reaches NSec.
        builder.Services.AddSingleton(services => new DiscordSignatureVerifier(services.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey!));
        builder.Services.AddSingleton<DiscordInteractionsEndpoint>();
        builder.Services.AddSingleton<DiscordReplayGuard>();
        builder.Services.AddSingleton<IDiscordStateStore, LiteDbDiscordStore>();
        builder.Services.AddSingleton<DiscordReplyRenderer>();
        builder.Services.AddSingleton<DiscordInteractionHandler>();
        builder.Services.AddSingleton<DiscordRateLimiter>();
        // No request logging: an interaction token is part of the URL of edits and follow-ups, and is a secret.
        builder.Services.AddHttpClient(DiscordRestClient.HttpClientName, DiscordRestClient.ConfigureHttpClient).RemoveAllLoggers();
        builder.Services.AddSingleton<DiscordRestClient>();
        builder.Services.AddSingleton<DiscordFollowUps>();

        var settings = builder.Configuration.GetSection(DiscordOptions.Section).Get<DiscordOptions>();
        if (settings?.IsEnabled == true)
        {
            // Off, the channel costs nothing: no background queue, and stored Discord addresses are not sent to.
            builder.Services.AddHostedService(services => services.GetRequiredService<DiscordFollowUps>());
            builder.Services.AddSingleton<DiscordProactive>();
            builder.Services.AddSingleton<IChannelSender>(services => services.GetRequiredService<DiscordProactive>());
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapDiscord(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<DiscordOptions>>().Value.IsEnabled)
        {
            endpoints.MapPost("/api/discord/interactions", (HttpContext http, DiscordInteractionsEndpoint endpoint) => endpoint.HandleAsync(http));
        }

        return endpoints;
    }
}
