using BalanceBot.Core.Users;

namespace BalanceBot.Core.Conversations;

/// <summary>
/// <c>action: check_turn</c>: goes to <c>yes</c> or <c>no</c> by what this user can do here, so help and the welcome
/// offer only what works for them (issue 23). <c>when</c> is one of <c>discord</c> (the turn came from Discord, which
/// has slash commands), <c>wellness_team</c> (the channel vouches the user is on the wellness team) or
/// <c>export_on</c> (this installation can make "export my data" links). Conditions beyond the turn's own are
/// contributed by their features as <see cref="ITurnCondition"/>s.
/// </summary>
public sealed class CheckTurnAction(IEnumerable<ITurnCondition> featureConditions) : IDialogAction
{
    private readonly Dictionary<string, ITurnCondition> _featureConditions = featureConditions.ToDictionary(c => c.Name, StringComparer.Ordinal);

    private static readonly string[] TurnConditions = ["discord", "wellness_team"];

    private IEnumerable<string> Conditions => TurnConditions.Concat(_featureConditions.Keys);

    public string Name => "check_turn";

    public IReadOnlyList<DialogActionParameter> Parameters { get; } =
        [new("when", Required: true), new("yes", Required: true, IsStepReference: true), new("no", Required: true, IsStepReference: true)];

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.TryGetValue("when", out var when) && !Conditions.Contains(when, StringComparer.Ordinal))
        {
            yield return $"'when' must be one of {string.Join(", ", Conditions)}, not '{when}'";
        }
    }

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var holds = context.Args["when"] switch
        {
            "discord" => context.Turn.UserKey.StartsWith(ChannelNames.DiscordKeyPrefix, StringComparison.Ordinal),
            "wellness_team" => context.Turn.IsAdmin,
            var other => _featureConditions.TryGetValue(other, out var condition) && condition.Holds(context.Turn),
        };
        return ValueTask.FromResult(DialogActionResult.Goto(context.Args[holds ? "yes" : "no"]));
    }
}
