namespace BalanceBot.Hosting;

/// <summary>One country's contacts in configuration (<c>Safety:Countries:XX</c>), in the words shown to users.</summary>
internal sealed class SafetyContactsOptions
{
    public string? Emergency { get; set; }

    public string? UrgentHelp { get; set; }

    public string? CrisisLine { get; set; }
}
