using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Users;

/// <summary><c>action: save_preference</c> with <c>key</c> (a name from <see cref="PreferenceNames"/>) and <c>from</c> (a saved answer).</summary>
public sealed class SavePreferenceAction : IDialogAction
{
    public string Name => "save_preference";

    public IReadOnlyList<DialogActionParameter> Parameters { get; } = [new("key", Required: true), new("from", Required: true)];

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(definedValues);
        if (args.TryGetValue("key", out var key) && !PreferenceNames.All.Contains(key))
        {
            yield return $"unknown preference '{key}' (known: {string.Join(", ", PreferenceNames.All)})";
        }

        foreach (var problem in ActionArguments.NameSavedValues(args, definedValues, "from"))
        {
            yield return problem;
        }
    }

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Values.TryGetValue(context.Args["from"], out var value))
        {
            context.User.Preferences[context.Args["key"]] = value;
            context.MarkUserChanged();
        }

        return ValueTask.FromResult(DialogActionResult.Continue);
    }
}
