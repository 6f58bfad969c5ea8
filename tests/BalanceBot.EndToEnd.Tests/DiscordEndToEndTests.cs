using System.Net;
using System.Net.Http.Headers;

namespace BalanceBot.EndToEnd.Tests;

/// <summary>The built app with Discord settings answers a PING signed now by the test's application key.</summary>
public sealed class DiscordEndToEndTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "balancebot-e2e", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_signed_PING_gets_PONG_and_a_forged_one_gets_401()
    {
        using var application = new TestDiscordApplication();
        var environment = new Dictionary<string, string>
        {
            ["Storage__Path"] = Path.Combine(_folder, "bot.db"),
            ["Discord__ApplicationId"] = "1187654321098765432",
            ["Discord__PublicKey"] = application.PublicKey,
        };
        await using var app = AppProcess.Start(["--urls", "http://127.0.0.1:0"], environment);
        using var http = new HttpClient { BaseAddress = await app.WaitUntilListeningAsync() };
        var ping = application.Sign("""{"application_id":"1187654321098765432","id":"1","token":"t","type":1,"version":1}"""u8.ToArray(), TimeProvider.System.GetUtcNow());

        var pong = await PostAsync(http, ping.Body, ping.Timestamp, ping.Signature);
        var forged = await PostAsync(http, ping.Body, ping.Timestamp, new string('0', 128));

        Assert.Equal(HttpStatusCode.OK, pong.StatusCode);
        Assert.Equal("""{"type":1}""", await pong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

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
