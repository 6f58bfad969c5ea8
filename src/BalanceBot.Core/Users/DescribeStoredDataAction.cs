using System.Globalization;
using System.Text;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Users;

/// <summary>
/// <c>action: describe_stored_data</c>: tells the user, in plain words, everything kept about them. Stored values are
/// ids (<c>de</c>, <c>lower_back</c>, <c>self_care</c>); the dialog file gives the words people write for them as
/// optional arguments (<c>country_de: Germany</c>, <c>area_lower_back: lower back</c>, <c>level_self_care: self-care</c>).
/// </summary>
public sealed class DescribeStoredDataAction(Reminders.IReminderStore reminderStore) : IDialogAction
{
    public string Name => "describe_stored_data";

    public IReadOnlyList<DialogActionParameter> Parameters { get; } =
    [
        .. TriageLevels.Names.Select(name => new DialogActionParameter("level_" + name, Required: false)),
        .. Exercises.ExerciseLibrary.Areas.Order(StringComparer.Ordinal).Select(area => new DialogActionParameter("area_" + area, Required: false)),
        .. SafetyContactDirectory.BuiltIn.Keys.Append("other").Select(code => new DialogActionParameter("country_" + code.ToLowerInvariant(), Required: false)),
    ];

    public async ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        var text = new StringBuilder("Here is everything I keep about you:");
        text.Append("\n- your chat id on this channel (so I can answer you)");
        if (user.DisplayName is not null)
        {
            text.Append("\n- your display name: ").Append(user.DisplayName);
        }

        if (user.Locale is not null)
        {
            text.Append("\n- your language setting: ").Append(user.Locale);
        }

        if (user.TimeZone is not null)
        {
            text.Append("\n- your time zone: ").Append(user.TimeZone);
        }

        if (user.Address is not null)
        {
            text.Append("\n- how to message you later (only used for reminders you ask for)");
        }

        foreach (var name in PreferenceNames.All)
        {
            if (user.Preferences.TryGetValue(name, out var value))
            {
                var shown = name == PreferenceNames.Country ? Word(context, "country_", value.ToLowerInvariant(), value.ToUpperInvariant()) : value;
                text.Append("\n- ").Append(PreferenceNames.Describe(name)).Append(": ").Append(shown);
            }
        }

        if (user.CheckupHistory.Count > 0)
        {
            text.Append("\n- check-ups you asked me to keep (area, advice level, date): ")
                .Append(string.Join("; ", user.CheckupHistory.Select(c =>
                    $"{Word(context, "area_", c.Area, c.Area.Replace('_', ' '))}: {Word(context, "level_", TriageLevels.Name(c.Level), TriageLevels.Name(c.Level).Replace('_', ' '))}, {c.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}")));
        }

        if (user.CheckupStarts.Count > 0)
        {
            text.Append("\n- the dates you started a check-up, nothing else about them (").Append(user.CheckupStarts.Count)
                .Append(" this year; the wellness team only ever sees counts of ten or more people)");
        }

        if (await reminderStore.FindAsync(user.Key, cancellationToken).ConfigureAwait(false) is { } reminders)
        {
            var schedule = reminders.Schedule;
            text.Append("\n- your movement reminders: ").Append(schedule.TimeZoneId).Append(", ")
                .Append(schedule.Start.ToString("HH:mm", CultureInfo.InvariantCulture)).Append('-').Append(schedule.End.ToString("HH:mm", CultureInfo.InvariantCulture))
                .Append(", every ").Append(schedule.IntervalMinutes).Append(" minutes, and how many you did or skipped each day");
        }

        text.Append("\n- where we are in the current conversation, until it ends");
        context.Say(text.ToString());
        return DialogActionResult.Continue;
    }

    private static string Word(DialogActionContext context, string prefix, string value, string fallback) =>
        context.Args.TryGetValue(prefix + value, out var word) ? word : fallback;
}
