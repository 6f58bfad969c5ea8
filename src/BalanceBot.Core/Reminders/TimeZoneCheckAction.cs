using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Reminders;

/// <summary>
/// <c>action: time_zone_check</c>: goes to <c>known</c> with <c>{time_zone}</c> set when the user's zone is known (their
/// own choice, or Teams' <c>localTimezone</c>), else to <c>unknown</c>.
/// </summary>
public sealed class TimeZoneCheckAction : IDialogAction
{
    public string Name => "time_zone_check";

    public IReadOnlyList<DialogActionParameter> Parameters { get; } = [new("known", true, IsStepReference: true), new("unknown", true, IsStepReference: true)];

    public IReadOnlyList<string> Outputs { get; } = ["time_zone"];

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (TimeZoneIds.Canonicalize(context.User.TimeZone) is { } zone)
        {
            context.Values["time_zone"] = zone;
            return ValueTask.FromResult(DialogActionResult.Goto(context.Args["known"]));
        }

        return ValueTask.FromResult(DialogActionResult.Goto(context.Args["unknown"]));
    }
}
