using BalanceBot.Core.Broadcasts;
using BalanceBot.Core.Statistics;
using BalanceBot.Storage;
using Microsoft.Extensions.Options;

namespace BalanceBot.Admin;

internal static class AdminSetup
{
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().Bind(builder.Configuration.GetSection(AdminOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        builder.Services.AddSingleton<AdminApiKeys>();
        builder.Services.AddSingleton<IAuditLog, LiteDbAuditLog>();
        builder.Services.AddSingleton<BroadcastService>();
        builder.Services.AddSingleton<StatsService>();
        builder.Services.AddSingleton<AdminDirectory>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AdminDirectory>());
        builder.Services.AddSingleton<IBroadcastComposer, BroadcastComposer>();
        builder.Services.AddSingleton<IProgrammeStatistics, ProgrammeStatistics>();
        return builder;
    }
}
