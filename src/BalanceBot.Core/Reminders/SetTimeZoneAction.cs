using System.Globalization;
using BalanceBot.Core.Conversations;
using NodaTime;

namespace BalanceBot.Core.Reminders;

/// <summary>
/// <c>action: set_time_zone</c>: reads a zone the user typed (<c>from</c>: an IANA or Windows id, a city, a country or
/// an abbreviation) and keeps the canonical id as the user's own choice and as <c>{time_zone}</c>, or goes to
/// <c>invalid</c> when it names no zone. With <c>confirm</c>, a zone that was guessed from a place or an abbreviation
/// ("CET", "Munich") is not kept yet: <c>{time_zone}</c> and its local time now, <c>{time_zone_now}</c>, are set and
/// the dialog goes to that step to ask; its yes runs this action again on <c>time_zone</c>, which is then exact.
/// </summary>
public sealed class SetTimeZoneAction(TimeProvider time) : IDialogAction
{
    public string Name => "set_time_zone";

    public IReadOnlyList<DialogActionParameter> Parameters { get; } =
        [new("from", true), new("invalid", true, IsStepReference: true), new("confirm", false, IsStepReference: true)];

    public IReadOnlyList<string> Outputs { get; } = ["time_zone", "time_zone_now"];

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues) =>
        ActionArguments.NameSavedValues(args, definedValues, "from");

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (TimeZoneIds.Find(context.Values.GetValueOrDefault(context.Args["from"])) is not { } match)
        {
            return ValueTask.FromResult(DialogActionResult.Goto(context.Args["invalid"]));
        }

        context.Values["time_zone"] = match.Id;
        context.Values["time_zone_now"] = Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(TimeZoneIds.Zone(match.Id))
            .TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);
        if (!match.Exact && context.Args.TryGetValue("confirm", out var confirm))
        {
            return ValueTask.FromResult(DialogActionResult.Goto(confirm));
        }

        context.User.TimeZone = match.Id;
        context.MarkUserChanged();
        return ValueTask.FromResult(DialogActionResult.Continue);
    }
}
