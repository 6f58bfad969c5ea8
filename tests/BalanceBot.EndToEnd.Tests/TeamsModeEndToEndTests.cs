using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BalanceBot.EndToEnd.Tests;

/// <summary>
/// The built app with an app id configured (a user-assigned managed identity), a loopback OpenID/JWKS issuer, a
/// loopback managed-identity token endpoint and a loopback connector: tokens in both directions, as in Azure.
/// </summary>
public sealed class TeamsModeEndToEndTests : IAsyncLifetime
{
    private const string AppId = "5d2e1c4b-8f6a-4d3e-9b1c-7a0f2e4d6c8b";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "balancebot-e2e", Guid.NewGuid().ToString("N"));
    private FakeIdentityProvider _identity = null!;
    private FakeConnector _connector = null!;
    private int _nextId;

    public async Task InitializeAsync()
    {
        _identity = await FakeIdentityProvider.StartAsync();
        _connector = await FakeConnector.StartAsync();
    }

    [Fact]
    public async Task Install_greets_and_a_check_up_runs_over_cards_with_tokens_both_ways()
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Path"] = Path.Combine(_folder, "bot.db"),
            ["MicrosoftAppType"] = "UserAssignedMsi",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppTenantId"] = "09e852a2-4575-45f7-9586-7cc3acfdc715",
            ["ToBotFromChannelOpenIdMetadataUrl"] = _identity.MetadataUrl,
            ["IDENTITY_ENDPOINT"] = _identity.BaseUrl + "/msi/token",
            ["IDENTITY_HEADER"] = FakeIdentityProvider.ManagedIdentityHeader,
            ["Safety__DefaultCountry"] = "GB",
            ["Reminders__SweepIntervalSeconds"] = "1",
        };
        await using var app = AppProcess.Start(["--urls", "http://127.0.0.1:0"], environment);
        using var http = new HttpClient { BaseAddress = await app.WaitUntilListeningAsync() };

        var unsigned = await http.PostAsJsonAsync("/api/messages", Activity("message", text: "hi"));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);

        var greeting = await SendAsync(http, Activity("installationUpdate", action: "add"), replies: 4);
        Assert.StartsWith("Hi Kim, I'm BalanceBot", greeting[0].Text, StringComparison.Ordinal);
        Assert.All(greeting, r => Assert.Equal("Bearer msi-token-1", r.Authorization));

        await SendAsync(http, Choice("no"), replies: 1);
        var screen = await SendAsync(http, Activity("message", text: "checkup"), replies: 2);
        // Issue 17: the screen is one checklist, a button per flag, then None of these and Not sure.
        Assert.Equal(7, screen[1].Buttons.Count);
        Assert.Equal(["None of these", "Not sure"], screen[1].Buttons.TakeLast(2));

        // Card clicks all the way: the screen, the area, its red flags, then the common questions.
        await SendAsync(http, Choice("none"), replies: 1); // screen -> area
        await SendAsync(http, Choice("knee"), replies: 1);
        await SendAsync(http, Choice("none"), replies: 1); // the knee's checklist
        await SendAsync(http, Choice("by_itself"), replies: 1);
        await SendAsync(http, Choice("under_1_week"), replies: 1);
        await SendAsync(http, Choice("same"), replies: 1);
        await SendAsync(http, Activity("message", text: "3"), replies: 1);
        var outcome = await SendAsync(http, Choice("little"), replies: 4);

        Assert.StartsWith("**This sounds like a common pattern", outcome[0].Text, StringComparison.Ordinal);
        Assert.Contains("999 (or 112)", outcome[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("Shall I keep a note of this check-up", outcome[3].Text, StringComparison.Ordinal);
        Assert.Equal(1, _identity.TokensIssued);

        // Then reminders are set up over cards. The prompt itself is not waited for here: a real whole-minute slot costs
        // up to 90 s, and BotFrameworkAuthTests.A_reminder_sent_by_the_sweep_carries_the_bots_token checks on the fake
        // clock that a proactive prompt carries the bot's token. RemindersEndToEndTests keeps one real-clock prompt.
        await SendAsync(http, Choice("no"), replies: 2); // keep nothing: acknowledged, then the exercise offer
        await SendAsync(http, Choice("no"), replies: 1); // no exercise now: a kind close
        var start = RealClockSlots.FirstReminderSlot();
        var end = start.Date == start.AddHours(2).Date ? start.AddHours(2) : start.Date.AddMinutes((23 * 60) + 59);
        await SendAsync(http, Activity("message", text: "reminders"), replies: 2);
        await SendAsync(http, Activity("message", text: "UTC"), replies: 1);
        await SendAsync(http, Choice("every_day"), replies: 1);
        await SendAsync(http, Activity("message", text: start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)), replies: 1);
        await SendAsync(http, Activity("message", text: end.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)), replies: 1);
        await SendAsync(http, Choice("every_30"), replies: 1);
        await SendAsync(http, Choice("knee"), replies: 1);
        var saved = await SendAsync(http, Activity("message", text: "no"), replies: 1);
        Assert.Equal("Bearer msi-token-1", saved[0].Authorization);
        Assert.Equal(1, _identity.TokensIssued);
    }

    // A press on the last card received, carrying its prompt id as Teams would.
    private JsonObject Choice(string choiceId) => Activity("message", value: _lastCard!.SubmitValue(choiceId));

    private ReceivedActivity? _lastCard;

    private JsonObject Activity(string type, string? text = null, string? action = null, JsonObject? value = null)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = $"t{Interlocked.Increment(ref _nextId)}",
            ["channelId"] = "msteams",
            ["serviceUrl"] = _connector.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = "29:kim", ["name"] = "Kim", ["aadObjectId"] = "6a1f0c2e-0000-4000-8000-00000000a11c" },
            ["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "BalanceBot" },
            ["conversation"] = new JsonObject { ["id"] = "a:kim-personal", ["conversationType"] = "personal", ["tenantId"] = "09e852a2-4575-45f7-9586-7cc3acfdc715" },
            ["locale"] = "en-GB",
        };
        if (text is not null)
        {
            activity["text"] = text;
        }

        if (action is not null)
        {
            activity["action"] = action;
        }

        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity;
    }

    private async Task<IReadOnlyList<ReceivedActivity>> SendAsync(HttpClient http, JsonObject activity, int replies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _identity.IssueToken(AppId, _connector.ServiceUrl));
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = replies == 0 ? [] : await _connector.TakeAsync(replies);
        _lastCard = received.LastOrDefault(r => r.Body["attachments"] is not null) ?? _lastCard;
        return received;
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
