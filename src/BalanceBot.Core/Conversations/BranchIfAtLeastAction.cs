using System.Globalization;

namespace BalanceBot.Core.Conversations;

/// <summary>
/// <c>action: branch_if_at_least</c>: goes to <c>then</c> when a saved number is at least <c>at_least</c>, else to
/// <c>otherwise</c>. Example: <c>args: { value: pain, at_least: "7", then: ask_sudden, otherwise: ask_onset }</c>.
/// </summary>
public sealed class BranchIfAtLeastAction : IDialogAction
{
    public string Name => "branch_if_at_least";

    public IReadOnlyList<DialogActionParameter> Parameters { get; } =
    [
        new("value", Required: true),
        new("at_least", Required: true),
        new("then", Required: true, IsStepReference: true),
        new("otherwise", Required: true, IsStepReference: true),
    ];

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues)
    {
        ArgumentNullException.ThrowIfNull(args);
        foreach (var problem in ActionArguments.NameSavedValues(args, definedValues, "value"))
        {
            yield return problem;
        }

        if (args.TryGetValue("at_least", out var threshold) && !int.TryParse(threshold, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            yield return $"'at_least: {threshold}' must be a whole number";
        }
    }

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = int.Parse(context.Args["at_least"], CultureInfo.InvariantCulture);
        var reached = context.Values.TryGetValue(context.Args["value"], out var saved)
            && int.TryParse(saved, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            && number >= threshold;
        return ValueTask.FromResult(DialogActionResult.Goto(context.Args[reached ? "then" : "otherwise"]));
    }
}
