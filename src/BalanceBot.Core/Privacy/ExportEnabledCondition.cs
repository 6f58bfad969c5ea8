using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Privacy;

/// <summary><c>check_turn when: export_on</c>: this installation can make "export my data" links.</summary>
public sealed class ExportEnabledCondition(IUserDataExport dataExport) : ITurnCondition
{
    public string Name => "export_on";

    public bool Holds(Turn turn) => dataExport.IsEnabled;
}
