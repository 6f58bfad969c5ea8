using BalanceBot.Core.Conversations;
using NodaTime;

namespace BalanceBot.Core.Broadcasts;

/// <summary><c>action: require_admin</c>: ends the dialog with a polite refusal unless the channel vouches for a wellness-team member.</summary>
public sealed class RequireAdminAction : IDialogAction
{
    public const string Refusal =
        "Broadcasts and programme statistics are for the wellness team, so I can't do that for you. If you'd like a reminder for yourself, type \"reminders\".";

    public string Name => "require_admin";

    public IReadOnlyList<DialogActionParameter> Parameters { get; } = [];

    public IReadOnlyList<string> Outputs { get; } = [];

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues) => [];

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Turn.IsAdmin)
        {
            return ValueTask.FromResult(DialogActionResult.Continue);
        }

        context.Say(Refusal);
        return ValueTask.FromResult(DialogActionResult.End);
    }
}

/// <summary>
/// <c>action: create_broadcast</c> with <c>from</c> (the saved text) and <c>when</c> (the saved choice: <c>now</c>,
/// <c>in_one_hour</c> or <c>tomorrow_10</c>, 10:00 in each recipient's zone, not after 12:00).
/// </summary>
public sealed class CreateBroadcastAction : IDialogAction
{
    public string Name => "create_broadcast";

    public IReadOnlyList<DialogActionParameter> Parameters { get; } = [new("from", Required: true), new("when", Required: true)];

    public IReadOnlyList<string> Outputs { get; } = [];

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues) =>
        ActionArguments.NameSavedValues(args, definedValues, "from", "when");

    public async ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Turn.IsAdmin || context.Broadcasts is null)
        {
            context.Say(context.Broadcasts is null ? "Broadcasts can't be sent from here, so nothing was sent." : RequireAdminAction.Refusal);
            return DialogActionResult.End;
        }

        var now = Instant.FromDateTimeOffset(context.Now);
        var tomorrow = now.InUtc().Date.PlusDays(1);
        var timing = context.Values.GetValueOrDefault(context.Args["when"]) switch
        {
            "in_one_hour" => new BroadcastTiming(BroadcastTimingKind.AtUtc, AtUtc: now + Duration.FromHours(1)),
            "tomorrow_10" => new BroadcastTiming(BroadcastTimingKind.LocalTime, Date: tomorrow, Time: new LocalTime(10, 0), NotAfter: new LocalTime(12, 0)),
            _ => BroadcastTiming.Now,
        };
        var (id, recipients) = await context.Broadcasts.ComposeAsync(context.Values[context.Args["from"]], timing, context.Turn.UserKey, cancellationToken).ConfigureAwait(false);
        context.Say($"Queued for {recipients} {(recipients == 1 ? "person" : "people")} (broadcast {id}). People who muted wellness messages are left out. The admin API shows its progress: GET /api/admin/broadcasts/{id}.");
        return DialogActionResult.Continue;
    }
}
