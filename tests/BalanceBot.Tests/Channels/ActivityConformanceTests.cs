using System.Text.Json;
using System.Text.Json.Nodes;
using BalanceBot.Channels.BotFramework;

namespace BalanceBot.Tests.Channels;

/// <summary>Every activity in the fixtures deserialises and serialises back without losing a field (A2005).</summary>
public sealed class ActivityConformanceTests
{
    public static TheoryData<string> ActivityFixtures => new()
    {
        "teams-personal-message.json",
        "teams-conversationupdate-personal-install.json",
        "teams-conversationupdate-team-member-added.json",
        "teams-channel-message-at-mention.json",
    };

    [Theory]
    [MemberData(nameof(ActivityFixtures))]
    public void A_fixture_activity_round_trips_without_losing_fields(string name)
    {
        var original = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "botframework", name));

        AssertRoundTrips(original, name);
    }

    [Fact]
    public void Every_activity_of_the_Emulator_transcript_round_trips()
    {
        var transcript = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "botframework", "transcript-adaptive-card-msteams-submit-actions.json")))!.AsArray();

        Assert.True(transcript.Count >= 10);
        foreach (var activity in transcript)
        {
            AssertRoundTrips(activity!.ToJsonString(), activity["id"]?.GetValue<string>() ?? "?");
        }
    }

    private static void AssertRoundTrips(string json, string name)
    {
        var activity = JsonSerializer.Deserialize(json, BotFrameworkJson.Default.Activity)!;
        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, BotFrameworkJson.Default.Activity))!;

        // Null-valued fields carry nothing; the serializer omits nulls as the SDK does (botframework.md §1.1).
        Assert.True(JsonNode.DeepEquals(WithoutNulls(JsonNode.Parse(json)!), written), $"{name} changed in the round trip:\n{written.ToJsonString()}");
    }

    private static JsonNode WithoutNulls(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj.ToList())
            {
                if (value is null)
                {
                    obj.Remove(key);
                }
                else
                {
                    WithoutNulls(value);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array.Where(i => i is not null))
            {
                WithoutNulls(item!);
            }
        }

        return node;
    }
}
