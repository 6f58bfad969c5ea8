using System.Text.Json;
using System.Text.Json.Nodes;
using BalanceBot.Channels.Discord;

namespace BalanceBot.Tests.Channels;

public sealed class DiscordCommandsTests
{
    [Fact]
    public void Every_command_declares_server_install_and_only_contexts_a_server_installed_app_can_have()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(DiscordCommands.Definitions("0"), DiscordJson.Default.ListApplicationCommand))!.AsArray();

        Assert.NotEmpty(json);
        Assert.All(json, command =>
        {
            Assert.Equal([0], command!["integration_types"]!.AsArray().Select(t => t!.GetValue<int>()));
            // Private channels (2) exist only for user-installed apps; a server-installed app lists the server (0) and its DM (1).
            Assert.All(command["contexts"]!.AsArray(), context => Assert.InRange(context!.GetValue<int>(), 0, 1));
        });
        Assert.Equal([0], json.Single(c => c!["name"]!.GetValue<string>() == "broadcast")!["contexts"]!.AsArray().Select(t => t!.GetValue<int>()));
    }
}
