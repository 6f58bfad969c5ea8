using BalanceBot.Core.Conversations;
using NodaTime;

namespace BalanceBot.Core.Reminders;

/// <summary>
/// <c>action: read_working_days</c>: reads typed days ("Mon Tue Thu", "monday, wednesday and friday") into the value
/// <c>days</c> as a list like <c>mon,wed,fri</c>, or goes to <c>invalid</c> when no day is named.
/// </summary>
public sealed class ReadWorkingDaysAction : IDialogAction
{
    private static readonly Dictionary<string, IsoDayOfWeek> Names = new(StringComparer.Ordinal)
    {
        ["mon"] = IsoDayOfWeek.Monday, ["monday"] = IsoDayOfWeek.Monday, ["tue"] = IsoDayOfWeek.Tuesday, ["tues"] = IsoDayOfWeek.Tuesday,
        ["tuesday"] = IsoDayOfWeek.Tuesday, ["wed"] = IsoDayOfWeek.Wednesday, ["wednesday"] = IsoDayOfWeek.Wednesday,
        ["thu"] = IsoDayOfWeek.Thursday, ["thur"] = IsoDayOfWeek.Thursday, ["thurs"] = IsoDayOfWeek.Thursday, ["thursday"] = IsoDayOfWeek.Thursday,
        ["fri"] = IsoDayOfWeek.Friday, ["friday"] = IsoDayOfWeek.Friday, ["sat"] = IsoDayOfWeek.Saturday, ["saturday"] = IsoDayOfWeek.Saturday,
        ["sun"] = IsoDayOfWeek.Sunday, ["sunday"] = IsoDayOfWeek.Sunday,
    };

    public string Name => "read_working_days";

    public IReadOnlyList<DialogActionParameter> Parameters { get; } = [new("from", true), new("invalid", true, IsStepReference: true)];

    public IReadOnlyList<string> Outputs { get; } = ["days"];

    public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues) =>
        ActionArguments.NameSavedValues(args, definedValues, "from");

    /// <summary>The days in a value written by this action (or "weekdays" / "every_day" from the choice).</summary>
    public static IReadOnlySet<IsoDayOfWeek> Parse(string value) => value switch
    {
        "every_day" => Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).ToHashSet(),
        "weekdays" => new HashSet<IsoDayOfWeek> { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday },
        _ => value.Split(',', StringSplitOptions.RemoveEmptyEntries).Where(Names.ContainsKey).Select(n => Names[n]).ToHashSet(),
    };

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var days = InputText.Words(InputText.Normalize(context.Values.GetValueOrDefault(context.Args["from"])))
            .Where(Names.ContainsKey)
            .Select(word => Names[word])
            .Distinct()
            .Order()
            .ToList();
        if (days.Count == 0)
        {
            return ValueTask.FromResult(DialogActionResult.Goto(context.Args["invalid"]));
        }

        context.Values["days"] = string.Join(',', days.Select(d => Names.First(n => n.Value == d && n.Key.Length == 3).Key));
        return ValueTask.FromResult(DialogActionResult.Continue);
    }
}
