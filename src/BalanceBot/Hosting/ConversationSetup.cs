using Microsoft.Extensions.DependencyInjection.Extensions;
using BalanceBot.Core;
using BalanceBot.Core.Broadcasts;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;

namespace BalanceBot.Hosting;

internal static class ConversationSetup
{
    /// <summary>
    /// Loads and validates the dialogs now, while the host is being built, so a broken file stops start-up with
    /// <c>file:line</c> messages instead of failing a user's first turn.
    /// </summary>
    public static IHostApplicationBuilder AddConversations(this IHostApplicationBuilder builder)
    {
        var folder = DialogsOptions.ResolveFolder(builder.Configuration[$"{DialogsOptions.Section}:Path"]);
        var catalog = DialogFolder.Load(folder, BuiltInActions.Create());
        builder.Services.AddSingleton(catalog);
        builder.AddSafetyContacts();
        builder.Services.TryAddSingleton(TimeProvider.System);

        // Per user: a polite "slow down" past this many turns in the window (issue 8); 0 turns it off.
        var turnLimit = KnownSettings.Number(builder.Configuration, "Conversations:TurnLimit");
        var turnWindow = TimeSpan.FromSeconds(KnownSettings.Number(builder.Configuration, "Conversations:TurnLimitWindowSeconds"));
        builder.Services.AddSingleton(services => new TurnRateLimiter(turnLimit, turnWindow, services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ConversationEngine>();
        builder.Services.AddSingleton<ReminderSweep>();
        builder.Services.AddSingleton<BroadcastDispatcher>();
        return builder;
    }
}
