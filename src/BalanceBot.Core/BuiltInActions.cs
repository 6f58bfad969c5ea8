using BalanceBot.Core.Broadcasts;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Exercises;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Statistics;
using BalanceBot.Core.Users;

namespace BalanceBot.Core;

/// <summary>Every action dialog files may call. The app registers these; the validator checks dialogs against them.</summary>
public static class BuiltInActions
{
    public static IReadOnlyList<IDialogAction> Create() =>
    [
        .. ReminderActions.Create(),
        new SavePreferenceAction(),
        new DescribeStoredDataAction(),
        new ForgetUserAction(),
        new Privacy.ExportUserDataAction(),
        new Privacy.WithdrawConsentAction(),
        new RequireAdminAction(),
        new PreviewBroadcastAction(),
        new CreateBroadcastAction(),
        new DescribeProgrammeStatsAction(),
        new SwitchAction(),
        new CheckTurnAction(),
        new BranchIfAtLeastAction(),
        new RouteByLevelAction(),
        new RaiseLevelForDurationAction(),
        new RaiseLevelAction(),
        new ShowExerciseAction(),
        new KeepCheckupAction(),
        new CountCheckupStartAction(),
    ];
}
