using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace BalanceBot.Testing;

/// <summary>
/// Synthetic interactions in the documented shapes (discord.md §1.5, §1.8; the fixtures hold only a few real ones):
/// a slash command, a button click, a select pick or a modal submit, from a user in a server or in the bot's DM.
/// </summary>
internal sealed class DiscordInteractionBuilder(string applicationId, string userId, string? guildId = "772904309264089089")
{
    private static long _nextId = 1_100_000_000_000_000_000;

    public string UserId => userId;

    /// <summary>The member's permission bitfield in the server (1024 is View Channel; 32 is Manage Server).</summary>
    public string MemberPermissions { get; set; } = "1024";

    /// <summary>The token Discord would give this interaction; follow-ups and edits use it.</summary>
    public string LastToken { get; private set; } = "";

    public byte[] Command(string name, params (string Name, JsonNode Value)[] options) => Build(2, new JsonObject
    {
        ["id"] = "1112223334445556667",
        ["name"] = name,
        ["type"] = 1,
        ["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["type"] = o.Value.GetValueKind() == System.Text.Json.JsonValueKind.Number ? 4 : 3, ["value"] = o.Value.DeepClone() })]),
    });

    public byte[] Click(string customId) => Build(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 });

    public byte[] Select(string customId, string value) => Build(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 3, ["values"] = new JsonArray(value) });

    /// <summary>A modal submit in the Label shape (type 18 holding the text input).</summary>
    public byte[] Submit(string customId, string text) => Build(5, new JsonObject
    {
        ["custom_id"] = customId,
        ["components"] = new JsonArray(new JsonObject
        {
            ["type"] = 18,
            ["id"] = 1,
            ["component"] = new JsonObject { ["type"] = 4, ["id"] = 2, ["custom_id"] = "answer", ["value"] = text },
        }),
    });

    private byte[] Build(int type, JsonObject data)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        LastToken = "token-" + id;
        var user = new JsonObject { ["id"] = userId, ["username"] = "user" + userId[^4..], ["global_name"] = "Test User", ["discriminator"] = "0" };
        var interaction = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = applicationId,
            ["type"] = type,
            ["data"] = data,
            ["token"] = LastToken,
            ["version"] = 1,
            ["locale"] = "en-GB",
            ["app_permissions"] = "442368",
        };
        if (guildId is not null)
        {
            interaction["guild_id"] = guildId;
            interaction["channel_id"] = "772908445358620702";
            interaction["context"] = 0;
            interaction["member"] = new JsonObject { ["user"] = user, ["permissions"] = MemberPermissions, ["roles"] = new JsonArray() };
        }
        else
        {
            interaction["channel_id"] = "8" + userId;
            interaction["context"] = 1;
            interaction["user"] = user;
        }

        return Encoding.UTF8.GetBytes(interaction.ToJsonString());
    }
}
