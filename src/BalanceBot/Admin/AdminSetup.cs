using BalanceBot.Core.Broadcasts;
using BalanceBot.Core.Statistics;
using BalanceBot.Storage;
using Microsoft.Extensions.Options;

namespace BalanceBot.Admin;

internal static class AdminSetup
{
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.AddAdminInChat();
        builder.Services.AddSingleton<AdminApiKeys>();
        builder.Services.AddSingleton<AdminDirectory>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AdminDirectory>());
        return builder;
    }

    /// <summary>What the wellness team's chat dialogs (broadcast, programme stats) need, also in the terminal chat.</summary>
    public static IHostApplicationBuilder AddAdminInChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().Bind(builder.Configuration.GetSection(AdminOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        builder.Services.AddSingleton<IAuditLog, LiteDbAuditLog>();
        builder.Services.AddSingleton<BroadcastService>();
        builder.Services.AddSingleton<StatsService>();
        builder.Services.AddSingleton<IBroadcastComposer, BroadcastComposer>();
        builder.Services.AddSingleton<IProgrammeStatistics, ProgrammeStatistics>();
        return builder;
    }
}
