using System.Net;
using System.Net.Http.Headers;

namespace BalanceBot.EndToEnd.Tests;

/// <summary>The built app with Discord settings: signed PING and /stretch from the test's application key, and register-commands.</summary>
public sealed class DiscordEndToEndTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "balancebot-e2e", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_signed_PING_gets_PONG_and_a_forged_one_gets_401()
    {
        using var application = new TestDiscordApplication();
        await using var app = StartApp(application);
        using var http = new HttpClient { BaseAddress = await app.WaitUntilListeningAsync() };
        var ping = application.Sign("""{"application_id":"1187654321098765432","id":"1","token":"t","type":1,"version":1}"""u8.ToArray(), TimeProvider.System.GetUtcNow());

        var pong = await PostAsync(http, ping.Body, ping.Timestamp, ping.Signature);
        var forged = await PostAsync(http, ping.Body, ping.Timestamp, new string('0', 128));

        Assert.Equal(HttpStatusCode.OK, pong.StatusCode);
        Assert.Equal("""{"type":1}""", await pong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task A_signed_stretch_command_gets_an_ephemeral_exercise_from_the_built_app()
    {
        using var application = new TestDiscordApplication();
        await using var app = StartApp(application);
        using var http = new HttpClient { BaseAddress = await app.WaitUntilListeningAsync() };
        var client = new SignedDiscordClient(http, application, TimeProvider.System.GetUtcNow);
        var user = new DiscordInteractionBuilder("1187654321098765432", "53908232506183680");

        var answer = await client.AnswerAsync(user.Command("stretch", ("area", System.Text.Json.Nodes.JsonValue.Create("shoulders")!)));

        Assert.Equal(4, answer["type"]!.GetValue<int>());
        Assert.Equal(64, answer["data"]!["flags"]!.GetValue<int>());
        var content = answer["data"]!["content"]!.GetValue<string>();
        Assert.Contains("not a diagnosis", content, StringComparison.Ordinal);
        Assert.Contains("shoulder", content, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Register_commands_overwrites_them_in_one_call_and_prints_what_changed()
    {
        await using var discord = await FakeDiscordApi.StartAsync(TimeProvider.System);
        var environment = new Dictionary<string, string>
        {
            ["Discord__ApplicationId"] = "1187654321098765432",
            ["Discord__BotToken"] = FakeDiscordApi.BotToken,
            ["Discord__ApiBaseUrl"] = discord.BaseUrl,
        };
        discord.Commands.Add(System.Text.Json.Nodes.JsonNode.Parse("""{"id":"1","name":"blep","description":"Send a random adorable animal photo","type":1}""")!.AsObject());

        await using var first = AppProcess.Start(["discord", "register-commands", "--guild", "772904309264089089"], environment);
        Assert.Equal(0, await first.WaitForExitAsync());
        await using var second = AppProcess.Start(["discord", "register-commands", "--guild", "772904309264089089"], environment);
        Assert.Equal(0, await second.WaitForExitAsync());

        Assert.Contains("added     /checkup", first.Output, StringComparison.Ordinal);
        Assert.Contains("added     /broadcast", first.Output, StringComparison.Ordinal);
        Assert.Contains("added     /export", first.Output, StringComparison.Ordinal);
        Assert.Contains("removed   /blep", first.Output, StringComparison.Ordinal);
        Assert.Contains("unchanged /checkup", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("added", second.Output, StringComparison.Ordinal);
        Assert.Equal(
            ["GET /v10/applications/1187654321098765432/guilds/772904309264089089/commands", "PUT /v10/applications/1187654321098765432/guilds/772904309264089089/commands"],
            discord.CommandRequests.Take(2));
        Assert.Equal(12, discord.Commands.Count);
        Assert.Equal("32", discord.Commands.Single(c => c["name"]!.GetValue<string>() == "broadcast")["default_member_permissions"]!.GetValue<string>());
        Assert.Empty(discord.BadRequests);
    }

    [Fact]
    public async Task Register_commands_without_a_bot_token_says_which_setting_is_missing()
    {
        await using var app = AppProcess.Start(["discord", "register-commands"], new Dictionary<string, string> { ["Discord__ApplicationId"] = "1187654321098765432" });

        Assert.Equal(1, await app.WaitForExitAsync());
        Assert.Contains("Discord:BotToken", app.Output, StringComparison.Ordinal);
    }

    private AppProcess StartApp(TestDiscordApplication application) => AppProcess.Start(
        ["--urls", "http://127.0.0.1:0"],
        new Dictionary<string, string>
        {
            ["Storage__Path"] = Path.Combine(_folder, "bot.db"),
            ["Discord__ApplicationId"] = "1187654321098765432",
            ["Discord__PublicKey"] = application.PublicKey,
        });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, byte[] body, string timestamp, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/discord/interactions") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);
        request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signature);
        return await http.SendAsync(request);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
