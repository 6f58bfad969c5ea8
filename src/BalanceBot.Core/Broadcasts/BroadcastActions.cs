using BalanceBot.Core.Conversations;
using BalanceBot.Core.Exercises;
using BalanceBot.Core.Users;
using NodaTime;

namespace BalanceBot.Core.Broadcasts;

/// <summary><c>action: require_admin</c>: ends the dialog with a polite refusal unless the channel vouches for a wellness-team member.</summary>
public sealed class RequireAdminAction : IDialogAction
{
    public const string Refusal =
        "Broadcasts and programme statistics are for the wellness team, so I can't do that for you. If you'd like a reminder for yourself, type \"reminders\".";

    public string Name => "require_admin";

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
/// Reads a broadcast composed in chat from the dialog's saved values. Arguments name them: <c>from</c> (the text),
/// <c>when</c> (<c>now</c>, <c>in_one_hour</c>, or <c>tomorrow_10</c>: 10:00 in each recipient's zone, not after
/// 12:00), and optionally <c>exercise</c> (a body area whose first library exercise goes under the text, or
/// <c>none</c>), <c>audience</c> (<c>everyone</c>, a channel <c>msteams</c> / <c>discord</c>, or <c>tag</c>) and
/// <c>tag</c> (the tag typed when the audience is <c>tag</c>).
/// </summary>
internal static class ChatBroadcastDraft
{
    public static readonly IReadOnlyList<DialogActionParameter> Parameters =
        [new("from", Required: true), new("when", Required: true), new("exercise", Required: false), new("audience", Required: false), new("tag", Required: false)];

    public static IEnumerable<string> Validate(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues) =>
        ActionArguments.NameSavedValues(args, definedValues, "from", "when", "exercise", "audience", "tag");

    public static BroadcastDraft From(DialogActionContext context, DateTimeOffset nowUtc, ExerciseLibrary exercises)
    {
        string? Saved(string arg) => context.Args.TryGetValue(arg, out var name) ? context.Values.GetValueOrDefault(name) : null;
        var now = Instant.FromDateTimeOffset(nowUtc);
        var timing = Saved("when") switch
        {
            "in_one_hour" => new BroadcastTiming(BroadcastTimingKind.AtUtc, AtUtc: now + Duration.FromHours(1)),
            "tomorrow_10" => new BroadcastTiming(BroadcastTimingKind.LocalTime, Date: now.InUtc().Date.PlusDays(1), Time: new LocalTime(10, 0), NotAfter: new LocalTime(12, 0)),
            _ => BroadcastTiming.Now,
        };
        var audience = Saved("audience") switch
        {
            "msteams" => BroadcastAudience.Everyone with { Channel = ChannelNames.BotFramework },
            "discord" => BroadcastAudience.Everyone with { Channel = ChannelNames.Discord },
            "tag" when Saved("tag")?.Trim().ToLowerInvariant() is { Length: > 0 } tag => BroadcastAudience.Everyone with { Tags = [tag] },
            _ => BroadcastAudience.Everyone,
        };
        var exercise = Saved("exercise") is { } area && area != "none" ? exercises.Next(area, null)?.Id : null;
        return new BroadcastDraft(Saved("from")?.Trim() ?? "", exercise, audience, timing);
    }

    /// <summary>True, after saying why, when this turn may not compose a broadcast: not a wellness-team member.</summary>
    public static bool Refused(DialogActionContext context)
    {
        if (context.Turn.IsAdmin)
        {
            return false;
        }

        context.Say(RequireAdminAction.Refusal);
        return true;
    }

    /// <summary>"everyone who gets wellness messages", "Teams users", "people tagged berlin", for the preview.</summary>
    public static string Describe(BroadcastAudience audience) => audience switch
    {
        { Channel: ChannelNames.BotFramework } => "Teams users who get wellness messages",
        { Channel: ChannelNames.Discord } => "Discord users who get wellness messages",
        { Tags: [var tag] } => $"people tagged \"{tag}\" who get wellness messages",
        _ => "everyone who gets wellness messages",
    };
}

/// <summary>
/// <c>action: preview_broadcast</c>: shows the message as people will see it (with the exercise, if any), who it is
/// for and how many people that is right now, before the dialog asks for a yes. Takes <see cref="ChatBroadcastDraft"/>'s arguments.
/// </summary>
public sealed class PreviewBroadcastAction(IBroadcastComposer broadcasts, ExerciseLibrary exercises, TimeProvider time) : IDialogAction
{
    public string Name => "preview_broadcast";

    public IReadOnlyList<DialogActionParameter> Parameters => ChatBroadcastDraft.Parameters;

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues) =>
        ChatBroadcastDraft.Validate(args, definedValues);

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ChatBroadcastDraft.Refused(context))
        {
            return ValueTask.FromResult(DialogActionResult.End);
        }

        var draft = ChatBroadcastDraft.From(context, time.GetUtcNow(), exercises);
        var recipients = broadcasts.CountRecipients(draft);
        var exercise = draft.ExerciseId is { } id && exercises.Find(id) is { } found ? $"\n\nWith the exercise \"{found.Name}\" under it." : "";
        context.Say($"Here is the preview:\n\n{draft.Text}{exercise}\n\nFor {ChatBroadcastDraft.Describe(draft.Audience)}: {recipients} {(recipients == 1 ? "person" : "people")} right now.");
        return ValueTask.FromResult(DialogActionResult.Continue);
    }
}

/// <summary><c>action: create_broadcast</c>: queues the broadcast composed in chat (<see cref="ChatBroadcastDraft"/>'s arguments).</summary>
public sealed class CreateBroadcastAction(IBroadcastComposer broadcasts, ExerciseLibrary exercises, TimeProvider time) : IDialogAction
{
    public string Name => "create_broadcast";

    public IReadOnlyList<DialogActionParameter> Parameters => ChatBroadcastDraft.Parameters;

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues) =>
        ChatBroadcastDraft.Validate(args, definedValues);

    public async ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ChatBroadcastDraft.Refused(context))
        {
            return DialogActionResult.End;
        }

        var (id, recipients) = await broadcasts.ComposeAsync(ChatBroadcastDraft.From(context, time.GetUtcNow(), exercises), context.Turn.UserKey, cancellationToken).ConfigureAwait(false);
        context.Say($"Queued for {recipients} {(recipients == 1 ? "person" : "people")} (broadcast {id}). People who muted wellness messages are left out. I'll keep a message here up to date with how many have been sent.");
        return DialogActionResult.Continue;
    }
}
