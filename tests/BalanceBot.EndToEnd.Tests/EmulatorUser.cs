using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BalanceBot.EndToEnd.Tests;

/// <summary>One person talking to the app the way the Bot Framework Emulator does, with replies at a loopback connector.</summary>
internal sealed class EmulatorUser(FakeConnector connector, string name = "Kim", string conversationId = "conversation-1", string userId = "user-1")
{
    private int _nextId;

    /// <summary>Posts a message and waits for <paramref name="expectReplies"/> replies, each threaded under it.</summary>
    public async Task<IReadOnlyList<ReceivedActivity>> SayAsync(HttpClient http, string text, int expectReplies)
    {
        var id = $"m{Interlocked.Increment(ref _nextId)}";
        var activity = Activity(connector.ServiceUrl, userId, name, conversationId, id, text);
        var response = await http.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await connector.TakeAsync(expectReplies);
        Assert.All(replies, r => Assert.Equal($"/v3/conversations/{conversationId}/activities/{id}", r.RawTarget));
        return replies;
    }

    /// <summary>A message as the Emulator posts it, replies going to <paramref name="serviceUrl"/>.</summary>
    public static JsonObject Activity(string serviceUrl, string userId, string name, string conversationId, string id, string text) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = "emulator",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = name },
        ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "BalanceBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["text"] = text,
        ["locale"] = "en-GB",
    };
}
