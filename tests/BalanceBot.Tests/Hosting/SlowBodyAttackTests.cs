using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using BalanceBot.Channels.BotFramework;
using BalanceBot.Tests.Channels;

namespace BalanceBot.Tests.Hosting;

/// <summary>
/// Issue 14 §1: nobody without credentials can hold a turn slot. Slow bodies are read under their own per-client
/// budget, outside the turn limiter, so a trickling crowd from one address costs that address only.
/// </summary>
public sealed class SlowBodyAttackTests : IAsyncLifetime, IDisposable
{
    private const string AppId = "9c1f8a2e-4b7d-4e21-9a55-3c0a7d1e0b0b";

    /// <summary>Enough to fill the default 64 running + 256 queued turns and then some.</summary>
    private const int AttackConnections = 330;

    /// <summary>Linux routes all of 127.0.0.0/8 to loopback: the attacker has an address of its own, as it would.</summary>
    private static readonly IPAddress AttackerAddress = IPAddress.Parse("127.0.0.2");

    private readonly TestDiscordApplication _application = new();
    private readonly List<Socket> _attack = [];
    private FakeIdentityProvider _identity = null!;
    private FakeDiscordApi _discord = null!;
    private BotServer _bot = null!;

    public async Task InitializeAsync()
    {
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(start);
        _identity = await FakeIdentityProvider.StartAsync();
        _discord = await FakeDiscordApi.StartAsync(time);
        var settings = DiscordDialogTests.DiscordSettings(_application.PublicKey, _discord.BaseUrl);
        settings["MicrosoftAppId"] = AppId;
        settings["MicrosoftAppPassword"] = "test-secret";
        settings["ToBotFromChannelOpenIdMetadataUrl"] = _identity.MetadataUrl;
        settings["ToChannelFromBotLoginUrl"] = "https://login.test/";
        settings["Safety:DefaultCountry"] = "GB";
        _bot = await BotServer.StartAsync(
            settings,
            now: start,
            time: time,
            services: services => services.AddHttpClient(MsalHttpClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new LoopbackRedirect(_identity.BaseUrl)));
    }

    public async Task DisposeAsync()
    {
        foreach (var socket in _attack)
        {
            socket.Dispose();
        }

        await _bot.DisposeAsync();
        await _discord.DisposeAsync();
        await _identity.DisposeAsync();
    }

    public void Dispose() => _application.Dispose();

    [Fact]
    public async Task While_330_slow_bodies_trickle_in_a_valid_emergency_Teams_turn_and_a_signed_Discord_command_are_answered_within_2_seconds()
    {
        var port = _bot.Http.BaseAddress!.Port;
        for (var i = 0; i < AttackConnections; i++)
        {
            // Each declares 200 KB and sends a first trickle; the rest never comes while the test runs.
            var route = i % 10 == 0 ? "/api/messages" : SignedDiscordClient.Route;
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _attack.Add(socket);
            socket.Bind(new IPEndPoint(AttackerAddress, 0));
            await socket.ConnectAsync(IPAddress.Loopback, port);
            var head = $"POST {route} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: 200000\r\n"
                + "X-Signature-Ed25519: " + new string('a', 128) + "\r\nX-Signature-Timestamp: 1772442000\r\n\r\n{\"type\":2,\"data\":\"";
            await socket.SendAsync(Encoding.ASCII.GetBytes(head + new string('x', 300)));
        }

        // A round trip through the same server after every attacker connection has sent its headers.
        using (var health = await _bot.Http.GetAsync("/healthz"))
        {
            Assert.True(health.IsSuccessStatusCode);
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var clock = Stopwatch.StartNew();
        var teams = PostEmergencyTeamsTurnAsync(deadline.Token);
        var discord = PostSignedDiscordCommandAsync(deadline.Token);
        var (teamsStatus, discordStatus) = (await teams, await discord);
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, teamsStatus);
        Assert.Equal(HttpStatusCode.OK, discordStatus);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"answered after {clock.Elapsed}");
        Assert.Contains(_bot.Connector.Drain(), reply => reply.Text?.Contains("999", StringComparison.Ordinal) == true);

        // The attacker still holds its connections: the answers came during the attack, not after it.
        Assert.Contains(_attack, socket => socket.Connected);
    }

    [Fact]
    public async Task A_client_past_its_share_of_body_reads_gets_503_at_once_and_a_body_past_the_deadline_gets_408()
    {
        var port = _bot.Http.BaseAddress!.Port;
        var budget = _bot.App.Services.GetRequiredService<BalanceBot.Hosting.BodyReadBudget>();
        var slow = new List<Socket>();
        for (var i = 0; i <= budget.MaxPerClient; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _attack.Add(socket);
            slow.Add(socket);
            socket.Bind(new IPEndPoint(AttackerAddress, 0));
            await socket.ConnectAsync(IPAddress.Loopback, port);
            await socket.SendAsync(Encoding.ASCII.GetBytes(
                $"POST {SignedDiscordClient.Route} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 1000\r\n"
                + "X-Signature-Ed25519: aa\r\nX-Signature-Timestamp: 1\r\n\r\n{"));
        }

        // One over the share is refused without waiting for its body (which one depends on arrival order).
        var statuses = slow.Select(ReadStatusAsync).ToList();
        var first = await Task.WhenAny(statuses);
        Assert.Equal(503, await first);

        // The deadline runs on the injected clock: moved past it, every held read is answered 408.
        _bot.Time.Advance(TimeSpan.FromSeconds(11));
        statuses.Remove(first);
        Assert.All(await Task.WhenAll(statuses), status => Assert.Equal(408, status));
    }

    private static async Task<int> ReadStatusAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(Deadline.Default);
        var buffer = new byte[64];
        var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        var line = Encoding.ASCII.GetString(buffer, 0, read);
        return int.Parse(line.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<HttpStatusCode> PostEmergencyTeamsTurnAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(_bot.Message("I have crushing chest pain and I'm sweating", "emergency-during-attack")),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _identity.IssueToken(AppId, _bot.Connector.ServiceUrl));
        using var response = await _bot.Http.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> PostSignedDiscordCommandAsync(CancellationToken cancellationToken)
    {
        var body = new DiscordInteractionBuilder("787271007046991882", "53908232506183680").Command("checkup");
        var signed = _application.Sign(body, _bot.Time.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, SignedDiscordClient.Route) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", signed.Timestamp);
        request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signed.Signature);
        using var response = await _bot.Http.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }
}
