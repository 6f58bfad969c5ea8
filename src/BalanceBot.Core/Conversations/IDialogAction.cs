namespace BalanceBot.Core.Conversations;

/// <summary>
/// A named piece of C# logic a dialog file can call with literal arguments (<c>action: save_preference</c>).
/// Anything a dialog needs that would be an <c>if</c> or a computation belongs in an action, never in YAML.
/// The name is persisted in dialog files: treat it as API. An action is registered in DI by its feature
/// (<see cref="DialogActionRegistration.AddDialogAction{TAction}"/>) and takes the services it needs in its constructor.
/// </summary>
public interface IDialogAction
{
    string Name { get; }

    IReadOnlyList<DialogActionParameter> Parameters => [];

    /// <summary>Value names this action may set, so that <c>{placeholders}</c> after it count as defined.</summary>
    IReadOnlyList<string> Outputs => [];

    /// <summary>
    /// True when arguments beyond <see cref="Parameters"/> are allowed and each names a step (a switch's cases);
    /// the validator then checks they resolve and counts them as ways forward.
    /// </summary>
    bool ExtraArgumentsAreSteps => false;

    /// <summary>Checks literal arguments beyond presence (allowed values); returns what is wrong, if anything.</summary>
    IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues) => [];

    ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken);
}
