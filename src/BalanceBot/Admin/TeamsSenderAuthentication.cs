namespace BalanceBot.Admin;

/// <summary>
/// Whether a Teams sender's id on /api/messages is proven by a channel token. In local mode (no MicrosoftAppId) it is
/// not, so anyone could post as a configured Teams admin. Registered by the Bot Framework channel, which knows.
/// </summary>
internal sealed record TeamsSenderAuthentication(bool IsAuthenticated);
