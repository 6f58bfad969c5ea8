namespace BalanceBot.Core.Conversations;

/// <summary>Checks shared by actions whose arguments name values saved earlier in the dialog.</summary>
public static class ActionArguments
{
    /// <summary>A problem for each of <paramref name="names"/> given in <paramref name="args"/> that names no saved value.</summary>
    public static IEnumerable<string> NameSavedValues(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(definedValues);
        foreach (var name in names)
        {
            if (args.TryGetValue(name, out var value) && !definedValues.Contains(value))
            {
                yield return $"'{name}: {value}' is not a value saved earlier in this dialog";
            }
        }
    }
}
