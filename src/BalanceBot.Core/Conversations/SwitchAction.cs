namespace BalanceBot.Core.Conversations;

/// <summary>
/// <c>action: switch</c>: goes to the step named by the argument whose name equals a saved value, else to
/// <c>default</c>. Example: <c>args: { value: area, neck: net_neck, knee: net_knee, default: net_general }</c>.
/// </summary>
public sealed class SwitchAction : IDialogAction
{
    public string Name => "switch";

    public IReadOnlyList<DialogActionParameter> Parameters { get; } = [new("value", Required: true), new("default", Required: true, IsStepReference: true)];

    public bool ExtraArgumentsAreSteps => true;

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues) =>
        ActionArguments.NameSavedValues(args, definedValues, "value");

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var saved = context.Values.GetValueOrDefault(context.Args["value"]);
        var target = saved is not null && saved != "value" && saved != "default" && context.Args.TryGetValue(saved, out var step)
            ? step
            : context.Args["default"];
        return ValueTask.FromResult(DialogActionResult.Goto(target));
    }
}
