namespace BalanceBot.Core.Conversations;

/// <summary>Where in a turn a registered handler runs (DESIGN §3: one turn).</summary>
public enum TurnStage
{
    /// <summary>Every turn, before anything else: what the channel says about the user (a reported time zone).</summary>
    Arrival,

    /// <summary>
    /// After the safety scan, the global commands (help, cancel, menu) and the welcome, before the active dialog: a
    /// feature's own commands, which work anywhere ("mute broadcasts", "snooze 10", "stretch neck").
    /// </summary>
    FeatureCommand,

    /// <summary>
    /// Inside a dialog, when a typed message is no answer to the question on screen (never on a red flag), after small
    /// talk, "did you mean" and the dialogs' own triggers had their say.
    /// </summary>
    NotAnAnswer,

    /// <summary>After a message turn that left no dialog running and no safety answer on screen.</summary>
    AfterTurn,

    /// <summary>The bot was removed from the conversation: say nothing, stop what would reach the user.</summary>
    Uninstalled,
}

/// <summary>
/// A part of a turn a feature contributes from its own folder (registered with <c>AddTurnHandler</c> in its
/// <c>AddX()</c>), so the engine runs reminder commands, stretch or broadcast buttons without knowing them.
/// Within a stage, handlers run by <see cref="Order"/>; the first that handles the turn ends the stage.
/// </summary>
public interface ITurnHandler
{
    TurnStage Stage { get; }

    /// <summary>Orders handlers within a stage (lower first); ties keep registration order.</summary>
    int Order => 0;

    /// <summary>
    /// True when a first message asks for what this handler does: the welcome then drops its closing question and
    /// the request is answered at once instead of being lost.
    /// </summary>
    bool IsRequest(TurnContext turn) => false;

    /// <summary>Handles the turn and returns true, or returns false to let the next handler and stage have it.</summary>
    ValueTask<bool> HandleAsync(TurnContext turn, CancellationToken cancellationToken);
}
