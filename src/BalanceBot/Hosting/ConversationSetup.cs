using Microsoft.Extensions.DependencyInjection.Extensions;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Exercises;
using BalanceBot.Core.Privacy;
using BalanceBot.Core.Statistics;
using BalanceBot.Core.Users;
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
        var content = DialogFolder.Read(folder);

        // The graph rules need the actions, which come from DI: every problem is reported together when the catalog
        // is first resolved, which ValidateSettings does before anything else.
        builder.Services.AddSingleton(content.Exercises);
        builder.Services.AddSingleton(services => DialogFolder.Load(content, services.GetRequiredService<DialogActionSet>().Actions));
        builder.Services.AddConversationFeatures();
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

    /// <summary>The features conversations offer, each contributing its actions and turn handlers from its own folder.</summary>
    internal static IServiceCollection AddConversationFeatures(this IServiceCollection services) => services
        .AddConversationEngine()
        .AddCheckupFeature()
        .AddExercisesFeature()
        .AddRemindersFeature()
        .AddBroadcastsFeature()
        .AddStatisticsFeature()
        .AddPrivacyFeature()
        .AddUsersFeature();
}
