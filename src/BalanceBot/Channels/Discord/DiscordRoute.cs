namespace BalanceBot.Channels.Discord;

/// <summary>
/// What a REST call is rate-limited as (discord.md §5.1, §8 trap 13): method and path with ids replaced, plus the
/// major parameter (the channel, guild or webhook), so <c>/channels/1</c> and <c>/channels/2</c> are counted apart.
/// </summary>
/// <param name="Key">The bucket key: <c>POST /channels/:id/messages @channels/123</c>.</param>
/// <param name="IsInteraction">Interaction callbacks and token webhooks, which the global limit does not cover.</param>
internal readonly record struct DiscordRoute(string Key, bool IsInteraction)
{
    /// <param name="relativePath">The path after <c>/v10/</c>, without the query.</param>
    public static DiscordRoute Of(HttpMethod method, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(relativePath);
        var segments = relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var major = "global";
        if (segments.Length >= 2 && segments[0] is "channels" or "guilds")
        {
            major = $"{segments[0]}/{segments[1]}";
        }

        var isWebhookWithToken = segments.Length >= 3 && segments[0] == "webhooks";
        if (isWebhookWithToken)
        {
            major = $"webhooks/{segments[1]}/{segments[2]}";
        }

        var template = segments.Select((s, i) => isWebhookWithToken && i == 2 ? ":token" : s.All(char.IsAsciiDigit) ? ":id" : s);
        var isInteraction = isWebhookWithToken || (segments.Length > 0 && segments[0] == "interactions");
        return new DiscordRoute($"{method.Method} /{string.Join('/', template)} @{major}", isInteraction);
    }
}
