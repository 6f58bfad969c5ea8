using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Checkup;

/// <summary>
/// <c>action: raise_level</c> with <c>to: &lt;level&gt;</c>: raises the check-up's level (never lowers it). Used where
/// an answer could not be read at all: doubt escalates, for example to urgent_same_day when the body area is unknown
/// and its red flags could not be asked (triage.md §3.2, §4.1 item 3).
/// </summary>
public sealed class RaiseLevelAction : IDialogAction
{
    public const string ActionName = "raise_level";

    public string Name => ActionName;

    public IReadOnlyList<DialogActionParameter> Parameters { get; } = [new("to", Required: true)];

    public IReadOnlyList<string> Outputs { get; } = [];

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.TryGetValue("to", out var to) && !TriageLevels.TryParse(to, out _))
        {
            yield return $"'{to}' is not a level (use one of: {string.Join(", ", TriageLevels.Names)})";
        }
    }

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (TriageLevels.TryParse(context.Args["to"], out var level))
        {
            TriageLevels.Raise(context.Values, level);
        }

        return ValueTask.FromResult(DialogActionResult.Continue);
    }
}
