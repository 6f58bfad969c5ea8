namespace BalanceBot.Core.Checkup;

/// <summary>
/// Who to call, in the words shown to the user, for one country (triage.md §1 locale table). Never print a bare
/// number without its country: "111" is the NHS in the UK but the emergency number in New Zealand.
/// </summary>
/// <param name="Emergency">For <c>emergency</c> outcomes, e.g. "999".</param>
/// <param name="UrgentHelp">For <c>urgent_same_day</c>: e.g. "NHS 111 or an urgent GP appointment".</param>
/// <param name="CrisisLine">For crisis and self-harm language, e.g. "Samaritans on 116 123 (free, 24/7)".</param>
public sealed record SafetyContacts(string Emergency, string UrgentHelp, string CrisisLine);
