using Microsoft.Extensions.DependencyInjection;

namespace BalanceBot.Core.Conversations;

/// <summary>
/// How a feature contributes actions: <c>services.AddDialogAction&lt;SaveRemindersAction&gt;()</c> in its own
/// <c>AddX()</c>. An action whose services are not registered in this setup is left out, so the validator reports
/// the dialogs that call it as using an unknown action at start-up instead of a user meeting a missing service.
/// </summary>
public static class DialogActionRegistration
{
    /// <summary>Marks one action type a feature contributes.</summary>
    public sealed record ActionType(Type Type);

    public static IServiceCollection AddDialogAction<TAction>(this IServiceCollection services)
        where TAction : class, IDialogAction
    {
        services.AddSingleton(new ActionType(typeof(TAction)));
        services.AddSingleton<TAction>();
        return services;
    }

    /// <summary>Adds a part of the turn a feature contributes (see <see cref="ITurnHandler"/>).</summary>
    public static IServiceCollection AddTurnHandler<THandler>(this IServiceCollection services)
        where THandler : class, ITurnHandler =>
        services.AddSingleton<ITurnHandler, THandler>();

    /// <summary>Every registered action whose constructor's services are all available here.</summary>
    public static IReadOnlyList<IDialogAction> Resolve(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var known = services.GetRequiredService<IServiceProviderIsService>();
        return [.. services.GetServices<ActionType>()
            .Select(a => a.Type)
            .Distinct()
            .Where(type => type.GetConstructors().Single().GetParameters().All(p => known.IsService(p.ParameterType)))
            .Select(type => (IDialogAction)services.GetRequiredService(type))];
    }

    /// <summary>Registers <see cref="DialogActionSet"/>: the registered actions, resolved once when first needed.</summary>
    public static IServiceCollection AddDialogActionSet(this IServiceCollection services) =>
        services.AddSingleton(provider => new DialogActionSet(Resolve(provider)));
}

/// <summary>The actions the engine runs and the validator checks the dialogs against.</summary>
public sealed record DialogActionSet(IReadOnlyList<IDialogAction> Actions);
