using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Checkup;

/// <summary>
/// <c>action: route_by_level</c>: goes to the step named for the check-up's current level (one argument per level).
/// The only way a check-up reaches its outcome, so the outcome always matches the highest level triggered.
/// </summary>
public sealed class RouteByLevelAction : IDialogAction
{
    public const string ActionName = "route_by_level";

    public string Name => ActionName;

    public IReadOnlyList<DialogActionParameter> Parameters { get; } =
        TriageLevels.Names.Select(name => new DialogActionParameter(name, Required: true, IsStepReference: true)).ToList();

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var level = TriageLevels.Current(context.Values);
        return ValueTask.FromResult(DialogActionResult.Goto(context.Args[TriageLevels.Name(level)]));
    }
}
