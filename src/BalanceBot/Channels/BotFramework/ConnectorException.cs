namespace BalanceBot.Channels.BotFramework;

/// <summary>The Connector answered a send with a non-success status.</summary>
internal sealed class ConnectorException(int statusCode) : Exception($"The Bot Framework connector answered {statusCode}.")
{
    public int StatusCode { get; } = statusCode;
}
