using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BalanceBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Time.Testing;

namespace BalanceBot.Tests;

/// <summary>
/// The real app (Program.BuildServer) on a loopback port with its own LiteDB file and a fake clock, plus a fake
/// Connector for its replies. One per test.
/// </summary>
internal sealed class BotServer : IAsyncDisposable
{
    private BotServer(WebApplication app, FakeTimeProvider time, FakeConnector connector, HttpClient http, string dataFolder)
    {
        App = app;
        Time = time;
        Connector = connector;
        Http = http;
        DataFolder = dataFolder;
    }

    public WebApplication App { get; }

    public FakeConnector Connector { get; }

    public HttpClient Http { get; }

    public string DataFolder { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>When set, <see cref="PostAsync"/> signs every activity with a channel token from this provider.</summary>
    public Func<string>? ChannelToken { get; set; }

    /// <summary>
    /// Settings for authenticated mode (a MicrosoftAppId) against <paramref name="identity"/>, with outbound MSAL
    /// tokens from it too; set <see cref="ChannelToken"/> afterwards so posts carry a valid token.
    /// </summary>
    public static void UseIdentity(IDictionary<string, string?> settings, FakeIdentityProvider identity, string appId)
    {
        settings["MicrosoftAppId"] = appId;
        settings["MicrosoftAppPassword"] = "test-secret";
        settings["ToBotFromChannelOpenIdMetadataUrl"] = identity.MetadataUrl;
        settings["ToChannelFromBotLoginUrl"] = "https://login.test/";
    }

    public static Action<IServiceCollection> RedirectMsal(FakeIdentityProvider identity) =>
        services => services.AddHttpClient(BalanceBot.Channels.BotFramework.MsalHttpClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new LoopbackRedirect(identity.BaseUrl));

    public BalanceBotDatabase Database => App.Services.GetRequiredService<BalanceBotDatabase>();

    /// <param name="now">Where the fake clock starts; signed fixtures need the time they were signed at.</param>
    /// <param name="time">A clock shared with a loopback fake (Discord's rate limits run on it); one is made from <paramref name="now"/> otherwise.</param>
    public static async Task<BotServer> StartAsync(IDictionary<string, string?>? settings = null, CapturedLogs? logs = null, Action<IServiceCollection>? services = null, DateTimeOffset? now = null, FakeTimeProvider? time = null)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "balancebot-tests", Guid.NewGuid().ToString("N"));
        time ??= new FakeTimeProvider(now ?? new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var app = BuildApp(dataFolder, settings, time, logs, services);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var connector = await FakeConnector.StartAsync();
        return new BotServer(app, time, connector, new HttpClient { BaseAddress = new Uri(address) }, dataFolder);
    }

    /// <summary>Builds (without starting) the app the way the tests run it; start-up failures surface here or at start.</summary>
    public static WebApplication BuildApp(string dataFolder, IDictionary<string, string?>? settings, TimeProvider time, CapturedLogs? logs = null, Action<IServiceCollection>? services = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(dataFolder, "bot.db"),
            ["Dialogs:Path"] = RepositoryPaths.Dialogs,
            ["Logging:LogLevel:Default"] = "Warning",

            // Tests drive the reminder sweep themselves, on the fake clock.
            ["Reminders:FirstSweepDelaySeconds"] = "86400",
            ["Broadcasts:FirstDispatchDelaySeconds"] = "86400",

            // The fake clock stands still while a test talks: most tests send more turns than the limit allows.
            ["Conversations:TurnLimit"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        return Program.BuildServer(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Services.AddSingleton(time);

            // Teams' pacing waits on the wall clock here, like the turn limit is off above: the fake clock stands
            // still while a test talks, and many tests send more than seven replies into one conversation.
            // ConnectorFaultTests puts it back on the fake clock to check the pacing itself.
            builder.Services.AddSingleton(_ => new BalanceBot.Channels.BotFramework.ConnectorPacing(TimeProvider.System));
            services?.Invoke(builder.Services);
            if (logs is not null)
            {
                builder.Logging.AddProvider(logs);
                builder.Logging.AddFilter<CapturedLogs>(_ => true);
            }
        });
    }

    /// <summary>
    /// Waits for <paramref name="task"/> while moving the fake clock on, so retries and timeouts that wait on it
    /// (Polly runs on the injected TimeProvider) happen without real waiting. Fails after the deadline.
    /// </summary>
    public async Task<T> DriveClockAsync<T>(Task<T> task)
    {
        using var deadline = new CancellationTokenSource(Deadline.Default);
        while (!task.IsCompleted)
        {
            deadline.Token.ThrowIfCancellationRequested();
            Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(10), CancellationToken.None));
        }

        return await task;
    }

    /// <summary>A fixture from Fixtures/botframework, with its serviceUrl pointed at the fake connector.</summary>
    public JsonObject Fixture(string name)
    {
        var activity = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "botframework", name)))!.AsObject();
        activity["serviceUrl"] = Connector.ServiceUrl;
        return activity;
    }

    /// <summary>A plain message from the Teams personal-chat fixture's user, with a new activity id.</summary>
    public JsonObject Message(string text, string id)
    {
        var activity = Fixture("teams-personal-message.json");
        activity["text"] = text;
        activity["id"] = id;
        return activity;
    }

    public Task<HttpResponseMessage> PostAsync(JsonNode activity)
    {
        if (ChannelToken is null)
        {
            return Http.PostAsJsonAsync("/api/messages", activity);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + ChannelToken());
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostRawAsync(string body, string contentType = "application/json") =>
        Http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, contentType));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();

        // Stopped first, while the fake connector still answers: disposing a running host cancels its background
        // services mid-flight, and each logged "BackgroundService failed", hiding real failures in the output.
        await App.StopAsync();
        await Connector.DisposeAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over clean-up.
        }
    }
}
