using System.Text.Json.Nodes;

namespace BalanceBot.Testing;

/// <param name="RawTarget">The request target exactly as sent, so path escaping can be checked.</param>
internal sealed record ReceivedActivity(string RawTarget, JsonObject Body, string Authorization)
{
    public string? Text => Body["text"]?.GetValue<string>();
}
