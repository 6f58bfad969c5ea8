using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BalanceBot.Admin;
using BalanceBot.Channels.BotFramework;
using BalanceBot.Core.Broadcasts;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Users;
using BalanceBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace BalanceBot.Tests.Admin;

/// <summary>
/// The admin API and broadcast delivery (issue 7): keys checked against hashes, local-time delivery in each
/// recipient's zone across DST, muted users never sent to, in-flight copies after a crash reported as unknown.
/// </summary>
public sealed class BroadcastApiTests : IAsyncLifetime
{
    private static readonly (string Key, string Sha256) AdminKey = AdminApiKeys.NewKey();
    private static readonly string[] UnknownZones = ["Mars/Olympus"];
    private const string WellnessLead = "6c1d7a70-1111-4222-8333-944455556666";
    private static readonly string[] PostureWeek = ["Day 1: shoulders back", "Day 2: screen at eye level", "Day 3: feet flat"];

    private const string AppId = "9c1f8a2e-4b7d-4e21-9a55-3c0a7d1e0b0b";

    private BotServer _bot = null!;
    private FakeIdentityProvider _identity = null!;

    /// <summary>Authenticated mode: local mode ignores Admin:TeamsAdmins (issue 14 §5).</summary>
    public async Task InitializeAsync()
    {
        _identity = await FakeIdentityProvider.StartAsync();
        var settings = new Dictionary<string, string?> { ["Admin:ApiKeySha256:0"] = AdminKey.Sha256, ["Admin:TeamsAdmins:0"] = WellnessLead };
        BotServer.UseIdentity(settings, _identity, AppId);
        _bot = await BotServer.StartAsync(settings, services: BotServer.RedirectMsal(_identity), time: new FakeTimeProvider(new DateTimeOffset(2026, 3, 27, 9, 0, 0, TimeSpan.Zero)));
        _bot.ChannelToken = () => _identity.IssueToken(AppId, _bot.Connector.ServiceUrl);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _identity.DisposeAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic YWRtaW46YWRtaW4=")]
    [InlineData("Bearer ")]
    [InlineData("Bearer not-the-key")]
    [InlineData("bearer {key}")]
    [InlineData("Bearer {hash}")]
    public async Task A_request_without_the_admin_key_gets_401_and_creates_nothing(string? authorization)
    {
        await SeedTeamsUserAsync("u1", "Europe/Berlin");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/broadcasts") { Content = JsonContent.Create(new { text = "Stand-up Friday" }) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization.Replace("{key}", AdminKey.Key, StringComparison.Ordinal).Replace("{hash}", AdminKey.Sha256, StringComparison.Ordinal));
        }

        using var response = await _bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, _bot.Database.Database.GetCollection("broadcasts").Count());
    }

    [Fact]
    public async Task Without_a_configured_key_hash_there_is_no_admin_API()
    {
        await using var bot = await BotServer.StartAsync();
        using var response = await bot.Http.GetAsync(new Uri("/api/admin/broadcasts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_local_time_broadcast_arrives_at_ten_in_each_recipients_own_zone_across_DST_and_not_after_noon()
    {
        // Monday 30 March 2026: Berlin has just moved to summer time (UTC+2), New York did on 8 March (UTC-4),
        // Sydney is still on daylight time (UTC+11).
        foreach (var (user, zone) in new[] { ("syd", "Australia/Sydney"), ("ber", "Europe/Berlin"), ("nyc", "America/New_York") })
        {
            await SeedTeamsUserAsync(user, zone);
        }

        var created = await CreateAsync(new { text = "Stand-up Monday: a 5-minute stretch", exerciseId = (string?)null, when = new { mode = "local", date = "2026-03-30", time = "10:00", notAfter = "12:00" } });
        var id = created["id"]!.GetValue<string>();
        Assert.Equal(3, created["recipients"]!.GetValue<int>());
        Assert.Equal(
            new Dictionary<string, DateTime>
            {
                ["msteams:29:syd"] = new(2026, 3, 29, 23, 0, 0, DateTimeKind.Utc),
                ["msteams:29:ber"] = new(2026, 3, 30, 8, 0, 0, DateTimeKind.Utc),
                ["msteams:29:nyc"] = new(2026, 3, 30, 14, 0, 0, DateTimeKind.Utc),
            },
            _bot.Database.Database.GetCollection("outbox").FindAll().ToDictionary(d => d["user"].AsString, d => d["due"].AsDateTime.ToUniversalTime()));

        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 3, 29, 22, 59, 0, TimeSpan.Zero));
        await DispatchAsync();
        Assert.Empty(_bot.Connector.Drain());
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 3, 29, 23, 0, 30, TimeSpan.Zero));
        await DispatchAsync();
        var sydney = Assert.Single(_bot.Connector.Drain());
        Assert.Equal("/v3/conversations/a%3Asyd/activities", sydney.RawTarget);
        Assert.StartsWith("Stand-up Monday", sydney.Text, StringComparison.Ordinal);
        Assert.Equal(["Mute these messages"], sydney.Buttons);

        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 3, 30, 8, 0, 30, TimeSpan.Zero));
        await DispatchAsync();
        Assert.Equal("/v3/conversations/a%3Aber/activities", Assert.Single(_bot.Connector.Drain()).RawTarget);

        // New York's noon passes before its 10:00 copy could go (say the app was down): it is not sent late.
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 3, 30, 16, 5, 0, TimeSpan.Zero));
        await DispatchAsync();
        Assert.Empty(_bot.Connector.Drain());

        var status = await GetAsync($"/api/admin/broadcasts/{id}");
        Assert.Equal(2, status["states"]!["sent"]!.GetValue<int>());
        Assert.Equal(1, status["states"]!["expired"]!.GetValue<int>());
        Assert.True(status["finished"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_user_who_muted_broadcasts_is_never_sent_one_and_unmuting_brings_them_back()
    {
        await SeedTeamsUserAsync("quiet", "Europe/Berlin");
        await SeedTeamsUserAsync("keen", "Europe/Berlin");
        await SayAsync("quiet", "mute broadcasts");

        var first = await CreateAsync(new { text = "Hydration week starts today" });
        await DispatchAsync();

        var sent = _bot.Connector.Drain();
        Assert.Equal("/v3/conversations/a%3Akeen/activities", Assert.Single(sent).RawTarget);
        var status = await GetAsync($"/api/admin/broadcasts/{first["id"]!.GetValue<string>()}");
        Assert.Equal(1, status["states"]!["muted"]!.GetValue<int>());

        await SayAsync("quiet", "unmute broadcasts");
        await CreateAsync(new { text = "Posture check at 15:00" });
        await DispatchAsync();
        Assert.Equal(2, _bot.Connector.Drain().Count);
    }

    [Fact]
    public async Task After_a_crash_the_copies_in_flight_are_reported_unknown_and_the_rest_go_out_once()
    {
        foreach (var i in Enumerable.Range(1, 5))
        {
            await SeedTeamsUserAsync($"c{i}", "Europe/Berlin");
        }

        var id = (await CreateAsync(new { text = "Stretch break at 11:00" }))["id"]!.GetValue<string>();
        var store = _bot.App.Services.GetRequiredService<IBroadcastStore>();

        // What a kill -9 mid-send leaves: two copies marked "sending" on disk (as the dispatcher does before each
        // send), never finished.
        var inFlight = store.Due(NodaTime.Instant.FromDateTimeOffset(_bot.Time.GetUtcNow()), 2);
        foreach (var entry in inFlight)
        {
            store.Update(entry with { State = DeliveryState.Sending });
        }

        var dispatcher = _bot.App.Services.GetRequiredService<BroadcastDispatcher>();
        Assert.Equal(2, dispatcher.RecoverAfterRestart());
        await DispatchAsync();

        var sent = _bot.Connector.Drain();
        Assert.Equal(3, sent.Count);
        Assert.Equal(3, sent.Select(a => a.RawTarget).Distinct().Count());
        Assert.DoesNotContain(sent, a => inFlight.Any(e => a.RawTarget.Contains(e.UserKey["msteams:29:".Length..], StringComparison.Ordinal)));
        var status = await GetAsync($"/api/admin/broadcasts/{id}");
        Assert.Equal(2, status["states"]!["unknown"]!.GetValue<int>());
        Assert.Equal(3, status["states"]!["sent"]!.GetValue<int>());

        // Another run sends nothing more.
        await DispatchAsync();
        Assert.Empty(_bot.Connector.Drain());
    }

    [Fact]
    public async Task A_broadcast_can_be_cancelled_before_it_starts_but_not_after()
    {
        await SeedTeamsUserAsync("u1", "Europe/Berlin");
        var later = (await CreateAsync(new { text = "Friday walk", when = new { mode = "utc", at = "2026-03-27T15:00:00Z" } }))["id"]!.GetValue<string>();
        var now = (await CreateAsync(new { text = "Now" }))["id"]!.GetValue<string>();
        await DispatchAsync();

        using var cancelLater = await SendAsync(HttpMethod.Delete, $"/api/admin/broadcasts/{later}");
        using var cancelNow = await SendAsync(HttpMethod.Delete, $"/api/admin/broadcasts/{now}");
        using var cancelMissing = await SendAsync(HttpMethod.Delete, "/api/admin/broadcasts/b000000000000");
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 3, 27, 15, 0, 30, TimeSpan.Zero));
        _bot.Connector.Drain();
        await DispatchAsync();

        Assert.Equal(HttpStatusCode.NoContent, cancelLater.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, cancelNow.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancelMissing.StatusCode);
        Assert.Empty(_bot.Connector.Drain());
        Assert.Equal(1, (await GetAsync($"/api/admin/broadcasts/{later}"))["states"]!["cancelled"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_request_that_cannot_work_gets_400_naming_each_field()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/admin/broadcasts", new
        {
            text = "",
            exerciseId = "no-such-exercise",
            audience = new { channel = "slack", timeZones = UnknownZones },
            when = new { mode = "local", date = "30/03/2026", time = "10:00", notAfter = "09:00" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["audience.channel", "audience.timeZones", "exerciseId", "text", "when.date", "when.notAfter"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_admin_action_is_audited_with_who_and_what_but_no_message_text()
    {
        await SeedTeamsUserAsync("u1", "Europe/Berlin");
        var id = (await CreateAsync(new { text = "Secret-sounding campaign text" }))["id"]!.GetValue<string>();
        await GetAsync($"/api/admin/broadcasts/{id}");

        using var read = await SendAsync(HttpMethod.Get, "/api/admin/audit");
        var audit = (await read.Content.ReadFromJsonAsync<JsonArray>())!.Select(a => a!.AsObject()).ToList();
        Assert.Equal(["audit.read", "broadcast.status", "broadcast.create"], audit.Select(a => a["action"]!.GetValue<string>()));
        Assert.All(audit, a => Assert.Equal("api-key:" + AdminKey.Sha256[..8], a["who"]!.GetValue<string>()));
        Assert.All(audit.Skip(1), a => Assert.Equal(id, a["target"]!.GetValue<string>()));
        var stored = string.Join('\n', _bot.Database.Database.GetCollection("audit").FindAll().Select(d => LiteDB.JsonSerializer.Serialize(d)));
        Assert.DoesNotContain("Secret-sounding", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminKey.Key, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_sends_one_message_a_working_day_and_one_click_leaves_it()
    {
        await SeedTeamsUserAsync("stays", "Europe/Berlin");
        await SeedTeamsUserAsync("leaves", "Europe/Berlin");

        using var response = await SendAsync(HttpMethod.Post, "/api/admin/campaigns", new
        {
            name = "Posture week",
            messages = PostureWeek,
            startDate = "2026-03-27",
            time = "10:00",
            notAfter = "12:00",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var campaign = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["on 2026-03-27 at 10:00 in each recipient's time zone, not after 12:00", "on 2026-03-30 at 10:00 in each recipient's time zone, not after 12:00", "on 2026-03-31 at 10:00 in each recipient's time zone, not after 12:00"],
            campaign["days"]!.AsArray().Select(d => d!["when"]!.GetValue<string>()));

        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 3, 27, 9, 0, 30, TimeSpan.Zero)); // 10:00 in Berlin (winter time)
        await DispatchAsync();
        var friday = _bot.Connector.Drain();
        Assert.Equal(2, friday.Count);
        Assert.Equal(["Leave this campaign", "Mute all wellness messages"], friday[0].Buttons);

        var leave = _bot.Message("", Guid.NewGuid().ToString("N"));
        leave.Remove("text");
        leave["from"]!["id"] = "29:leaves";
        leave["conversation"]!["id"] = "a:leaves";
        leave["value"] = friday.Single(f => f.RawTarget.Contains("a%3Aleaves", StringComparison.Ordinal)).SubmitValue("campaign_leave:" + campaign["campaignId"]!.GetValue<string>());
        using (var left = await _bot.PostAsync(leave))
        {
            Assert.True(left.IsSuccessStatusCode);
        }

        Assert.Contains("left this campaign", Assert.Single(_bot.Connector.Drain()).Text, StringComparison.Ordinal);

        // The same button pressed again (Teams keeps old cards clickable) is refused, not a second leave.
        leave["id"] = Guid.NewGuid().ToString("N");
        using (var again = await _bot.PostAsync(leave))
        {
            Assert.True(again.IsSuccessStatusCode);
        }

        Assert.Equal(_bot.App.Services.GetRequiredService<DialogCatalog>().GetDialog(BotFrameworkAdapter.MovedOnDialog).Steps[0].Text, Assert.Single(_bot.Connector.Drain()).Text);
        foreach (var day in new[] { new DateTimeOffset(2026, 3, 30, 8, 0, 30, TimeSpan.Zero), new DateTimeOffset(2026, 3, 31, 8, 0, 30, TimeSpan.Zero) })
        {
            _bot.Time.SetUtcNow(day); // 10:00 in Berlin (summer time)
            await DispatchAsync();
            Assert.Equal("/v3/conversations/a%3Astays/activities", Assert.Single(_bot.Connector.Drain()).RawTarget);
        }

        var last = await GetAsync($"/api/admin/broadcasts/{campaign["days"]![2]!["id"]!.GetValue<string>()}");
        Assert.Equal((1, 1), (last["states"]!["sent"]!.GetValue<int>(), last["states"]!["left"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_wellness_lead_composes_a_broadcast_in_Teams_chat_and_anyone_else_is_politely_refused()
    {
        await SeedTeamsUserAsync("staff", "Europe/Berlin");
        var refusal = await SayAndReadAsync("staff", null, "broadcast");
        Assert.Equal(RequireAdminAction.Refusal, Assert.Single(refusal).Text);

        await SeedTeamsUserAsync("lead", "Europe/Berlin");
        await SeedTeamsUserAsync("berliner", "Europe/Berlin");
        var users = _bot.App.Services.GetRequiredService<IUserStore>();
        foreach (var key in new[] { "msteams:29:staff", "msteams:29:berliner" })
        {
            var user = (await users.FindAsync(key, CancellationToken.None))!;
            user.Preferences[PreferenceNames.Tags] = "berlin, sales";
            await users.SaveAsync(user, CancellationToken.None);
        }

        Assert.Contains(DialogTexts.Text("broadcast", "ask_text"), (await SayAndReadAsync("lead", WellnessLead, "broadcast"))[^1].Text, StringComparison.Ordinal);
        Assert.StartsWith(DialogTexts.Text("broadcast", "ask_exercise"), (await SayAndReadAsync("lead", WellnessLead, "Walking meeting week starts Monday"))[^1].Text, StringComparison.Ordinal);
        Assert.Equal(DialogTexts.Text("broadcast", "ask_audience"), (await SayAndReadAsync("lead", WellnessLead, "Neck"))[^1].Text);
        Assert.StartsWith("Which tag?", (await SayAndReadAsync("lead", WellnessLead, "People with a tag"))[^1].Text, StringComparison.Ordinal);
        Assert.Equal(DialogTexts.Text("broadcast", "ask_when"), (await SayAndReadAsync("lead", WellnessLead, "Berlin"))[^1].Text);
        var preview = await SayAndReadAsync("lead", WellnessLead, "now");
        Assert.Equal(
            "Here is the preview:\n\nWalking meeting week starts Monday\n\nWith the exercise \"Side neck stretch\" under it.\n\nFor people tagged \"berlin\" who get wellness messages: 2 people right now.",
            preview[0].Text);
        Assert.Equal("Send it?", preview[^1].Text);
        Assert.StartsWith("Queued for 2 people", (await SayAndReadAsync("lead", WellnessLead, "yes"))[^1].Text, StringComparison.Ordinal);

        await DispatchAsync();
        var delivered = _bot.Connector.Drain();
        var copies = delivered.Where(a => a.Text?.StartsWith("Walking meeting week", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(["/v3/conversations/a%3Aberliner/activities", "/v3/conversations/a%3Astaff/activities"], copies.Select(c => c.RawTarget).Order(StringComparer.Ordinal));
        Assert.All(copies, c => Assert.Contains("Side neck stretch", c.Text, StringComparison.Ordinal));
        var report = Assert.Single(delivered, a => a.Text?.StartsWith("Your broadcast", StringComparison.Ordinal) == true);
        Assert.Equal("/v3/conversations/a%3Alead/activities", report.RawTarget);
        Assert.EndsWith("has finished: 2 sent (of 2).", report.Text, StringComparison.Ordinal);

        // Reported once: another run says nothing more.
        await DispatchAsync();
        Assert.Empty(_bot.Connector.Drain());
        Assert.Contains(_bot.App.Services.GetRequiredService<BalanceBot.Storage.IAuditLog>().Recent(5), a => a.Who == "msteams:29:lead" && a.Action == "broadcast.create");
    }

    [Fact]
    public async Task While_a_chat_broadcast_goes_out_the_composers_progress_message_is_edited_with_sent_of_total()
    {
        await SeedTeamsUserAsync("lead", "Europe/Berlin");
        foreach (var i in Enumerable.Range(1, 39))
        {
            await SeedTeamsUserAsync($"p{i}", "Europe/Berlin");
        }

        await SayAndReadAsync("lead", WellnessLead, "broadcast");
        await SayAndReadAsync("lead", WellnessLead, "Posture check: shoulders down");
        await SayAndReadAsync("lead", WellnessLead, "no exercise");
        await SayAndReadAsync("lead", WellnessLead, "everyone");
        await SayAndReadAsync("lead", WellnessLead, "now");
        Assert.StartsWith("Queued for 40 people", (await SayAndReadAsync("lead", WellnessLead, "yes"))[^1].Text, StringComparison.Ordinal);
        var id = _bot.App.Services.GetRequiredService<IBroadcastStore>().List(1)[0].Id;

        // Each copy takes a second of the fake clock, so the progress interval passes within the second batch of 16.
        _bot.Connector.OnReceived = _ => _bot.Time.Advance(TimeSpan.FromSeconds(1));
        await DispatchAsync();
        var toLead = _bot.Connector.Drain().Where(a => a.RawTarget == "/v3/conversations/a%3Alead/activities").ToList();

        // The first batch is counted in a new message; later counts edit that message, never post another.
        var progress = Assert.Single(toLead, a => a.Text?.StartsWith($"Broadcast {id}", StringComparison.Ordinal) == true);
        Assert.Equal($"Broadcast {id} is going out: 16 of 40 sent.", progress.Text);
        var progressId = _bot.App.Services.GetRequiredService<IBroadcastStore>().Find(id)!.ProgressMessageId;
        Assert.NotNull(progressId);
        var edits = _bot.Connector.Updates.ToList();
        Assert.All(edits, e => Assert.Equal($"/v3/conversations/a%3Alead/activities/{progressId}", e.RawTarget));
        Assert.All(edits, e => Assert.Equal(progressId, e.Body["id"]!.GetValue<string>()));
        Assert.True(edits.Count >= 2, $"{edits.Count} edits");
        Assert.Equal($"Broadcast {id} is going out: 32 of 40 sent.", edits[0].Body["text"]!.GetValue<string>());
        Assert.Equal($"Broadcast {id} has gone out: 40 of 40 sent.", edits[^1].Body["text"]!.GetValue<string>());
        Assert.Single(toLead, a => a.Text == $"Your broadcast {id} has finished: 40 sent (of 40).");
    }

    [Fact]
    public async Task A_wellness_lead_reads_this_weeks_aggregates_in_chat_with_small_groups_hidden()
    {
        foreach (var i in Enumerable.Range(1, 10))
        {
            await SeedTeamsUserAsync($"t{i}", "Europe/Berlin");
        }

        await SeedTeamsUserAsync("lead", "Europe/Berlin");
        var refused = await SayAndReadAsync("t1", null, "team stats");
        var stats = await SayAndReadAsync("lead", WellnessLead, "team stats");

        Assert.Equal(RequireAdminAction.Refusal, Assert.Single(refused).Text);
        var text = Assert.Single(stats).Text;
        Assert.Contains("- everyone: opted in 11, using reminders (fewer than 10 people)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("msteams:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statistics_come_as_suppressed_aggregates_in_JSON_and_CSV_and_reading_them_is_audited()
    {
        foreach (var i in Enumerable.Range(1, 3))
        {
            await SeedTeamsUserAsync($"s{i}", "Europe/Berlin");
        }

        var report = await GetAsync("/api/admin/stats?weeks=2");
        using var csv = await SendAsync(HttpMethod.Get, "/api/admin/stats.csv?weeks=2");
        var text = await csv.Content.ReadAsStringAsync();

        Assert.Equal(10, report["minimumGroupSize"]!.GetValue<int>());
        var optedIn = report["cells"]!.AsArray().Single(c => c!["measure"]!.GetValue<string>() == "opted_in_users")!;
        Assert.True(optedIn["suppressed"]!.GetValue<bool>());
        Assert.Null(optedIn["people"]);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("week,tag,measure,people,value,suppressed\n", text, StringComparison.Ordinal);
        Assert.Contains(",\"all\",opted_in_users,,,true", text, StringComparison.Ordinal);
        Assert.DoesNotContain("msteams:", text, StringComparison.Ordinal);
        Assert.Equal(2, _bot.App.Services.GetRequiredService<BalanceBot.Storage.IAuditLog>().Recent(10).Count(a => a.Action == "stats.read"));
    }

    [Fact]
    public async Task Check_ups_started_and_broadcast_reach_are_counted_and_a_start_stores_only_its_date()
    {
        foreach (var i in Enumerable.Range(1, 10))
        {
            await SeedTeamsUserAsync($"k{i}", "Europe/Berlin");
            await SayAsync($"k{i}", "checkup");
        }

        var users = _bot.App.Services.GetRequiredService<IUserStore>();
        var started = (await users.FindAsync("msteams:29:k1", CancellationToken.None))!;
        Assert.Equal([new DateOnly(2026, 3, 27)], started.CheckupStarts);
        Assert.Empty(started.CheckupHistory);
        await CreateAsync(new { text = "Stretch break at 11:00" });
        await DispatchAsync();

        var cells = (await GetAsync("/api/admin/stats?weeks=1"))["cells"]!.AsArray();
        JsonNode Cell(string measure) => cells.Single(c => c!["tag"]!.GetValue<string>() == "all" && c["measure"]!.GetValue<string>() == measure)!;
        Assert.Equal((10, 10.0), (Cell("checkups_started")["people"]!.GetValue<int>(), Cell("checkups_started")["value"]!.GetValue<double>()));
        Assert.Equal((10, 10.0), (Cell("broadcast_reach")["people"]!.GetValue<int>(), Cell("broadcast_reach")["value"]!.GetValue<double>()));
        await SayAsync("k1", "cancel");
        var myData = await SayAndReadAsync("k1", null, "my data");
        Assert.Contains(myData, a => a.Text?.Contains("the dates you started a check-up, nothing else about them (1 this year", StringComparison.Ordinal) == true);
    }

    /// <summary>A Teams user who has talked to the bot (so it has their address), in the given zone.</summary>
    private async Task SeedTeamsUserAsync(string id, string zone)
    {
        await SayAsync(id, "hi");
        var users = _bot.App.Services.GetRequiredService<IUserStore>();
        var user = (await users.FindAsync("msteams:29:" + id, CancellationToken.None))!;
        user.TimeZone = zone;
        await users.SaveAsync(user, CancellationToken.None);
        _bot.Connector.Drain();
    }

    private async Task<IReadOnlyList<ReceivedActivity>> SayAndReadAsync(string id, string? aadObjectId, string text)
    {
        var activity = _bot.Message(text, Guid.NewGuid().ToString("N"));
        activity["from"]!["id"] = "29:" + id;
        activity["from"]!["aadObjectId"] = aadObjectId ?? Guid.NewGuid().ToString();
        activity["conversation"]!["id"] = "a:" + id;
        using var response = await _bot.PostAsync(activity);
        Assert.True(response.IsSuccessStatusCode);
        return _bot.Connector.Drain();
    }

    private async Task SayAsync(string id, string text)
    {
        var activity = _bot.Message(text, Guid.NewGuid().ToString("N"));
        activity["from"]!["id"] = "29:" + id;
        activity["from"]!["aadObjectId"] = Guid.NewGuid().ToString();
        activity["conversation"]!["id"] = "a:" + id;
        using var response = await _bot.PostAsync(activity);
        Assert.True(response.IsSuccessStatusCode);
        _bot.Connector.Drain();
    }

    private Task<DispatchSummary> DispatchAsync() => _bot.DriveClockAsync(_bot.App.Services.GetRequiredService<BroadcastDispatcher>().RunOnceAsync(CancellationToken.None));

    private async Task<JsonObject> CreateAsync(object body)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/admin/broadcasts", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonObject> GetAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey.Key);
        return await _bot.Http.SendAsync(request);
    }
}
