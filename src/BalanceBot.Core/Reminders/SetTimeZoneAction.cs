using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Reminders;

/// <summary>
/// <c>action: set_time_zone</c>: reads a zone the user typed (<c>from</c>: an IANA or Windows id, or a city), keeps the
/// canonical id as the user's own choice and as <c>{time_zone}</c>, or goes to <c>invalid</c> when it names no zone.
/// </summary>
public sealed class SetTimeZoneAction : IDialogAction
{
    public string Name => "set_time_zone";

    public IReadOnlyList<DialogActionParameter> Parameters { get; } = [new("from", true), new("invalid", true, IsStepReference: true)];

    public IReadOnlyList<string> Outputs { get; } = ["time_zone"];

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues) =>
        ActionArguments.NameSavedValues(args, definedValues, "from");

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (TimeZoneIds.Canonicalize(context.Values.GetValueOrDefault(context.Args["from"])) is not { } zone)
        {
            return ValueTask.FromResult(DialogActionResult.Goto(context.Args["invalid"]));
        }

        context.Values["time_zone"] = zone;
        context.User.TimeZone = zone;
        context.MarkUserChanged();
        return ValueTask.FromResult(DialogActionResult.Continue);
    }
}
