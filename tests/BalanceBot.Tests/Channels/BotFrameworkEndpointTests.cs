using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LiteDB;

namespace BalanceBot.Tests.Channels;

public sealed class BotFrameworkEndpointTests
{
    [Fact]
    public async Task A_Teams_personal_message_is_answered_through_the_connector_at_its_serviceUrl()
    {
        await using var bot = await BotServer.StartAsync();

        var response = await bot.PostAsync(bot.Fixture("teams-personal-message.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await bot.Connector.TakeAsync(4);
        Assert.All(replies, reply =>
        {
            Assert.Equal("/v3/conversations/a%3AuniqueId/activities/1531861881427", reply.RawTarget);
            Assert.Equal("message", reply.Body["type"]!.GetValue<string>());
            Assert.Equal("28:uniqueId", reply.Body["from"]!["id"]!.GetValue<string>());
            Assert.Equal("29:uniqueId", reply.Body["recipient"]!["id"]!.GetValue<string>());
            Assert.Equal("a:uniqueId", reply.Body["conversation"]!["id"]!.GetValue<string>());
            Assert.Equal("1531861881427", reply.Body["replyToId"]!.GetValue<string>());
            Assert.Equal("msteams", reply.Body["channelId"]!.GetValue<string>());
            Assert.Empty(reply.Authorization);
            Assert.Equal("application/json; charset=utf-8", reply.Headers["Content-Type"]);
            Assert.Equal("*/*", reply.Headers["Accept"]);
            Assert.StartsWith("Microsoft-BotFramework/3.1 BalanceBot/", reply.Headers["User-Agent"], StringComparison.Ordinal);
        });
        Assert.StartsWith("Hi User name, I'm BalanceBot", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("not a diagnosis", replies[1].Text, StringComparison.Ordinal);
        // Teams gets choices as an Adaptive Card with Action.Submit (suggested actions are limited there).
        var question = replies[3].Body;
        Assert.Equal("expectingInput", question["inputHint"]!.GetValue<string>());
        var card = question["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["contentType"]!.GetValue<string>());
        Assert.Equal(DialogTexts.Text("welcome", "offer_menu"), card["content"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Null(card["content"]!["actions"]);
        // As many buttons to a row as fit whole at 320 px: "More about my data" leaves no room for "Not now".
        var actions = new JsonArray([.. replies[3].CardBody.Where(e => e!["type"]!.GetValue<string>() == "ActionSet").SelectMany(e => e!["actions"]!.AsArray()).Select(a => a!.DeepClone())]);
        Assert.Equal(DialogTexts.Labels("welcome", "offer_menu"), actions.Select(a => a!["title"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal("Action.Submit", a!["type"]!.GetValue<string>()));
        Assert.Equal(["yes", "more", "no"], actions.Select(a => a!["data"]!["choiceId"]!.GetValue<string>()));
        Assert.Null(question["suggestedActions"]);
    }

    [Fact]
    public async Task Clicking_a_suggested_action_continues_the_dialog()
    {
        await using var bot = await BotServer.StartAsync();
        await bot.PostAsync(bot.Fixture("teams-personal-message.json"));
        await bot.Connector.TakeAsync(4);

        // imBack posts the button's title back as the message text.
        await bot.PostAsync(bot.Message("Yes", "1531861881500"));

        var menu = Assert.Single(await bot.Connector.TakeAsync(1));
        Assert.Equal("What would you like to do, User name?", menu.Body["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(6, menu.Buttons.Count);
        // Teams shows one row of at most 6 card actions, cut to "Qui…": stacked action sets of at most 3 that fit at 320 px.
        var rows = menu.CardBody.Where(e => e!["type"]!.GetValue<string>() == "ActionSet").ToList();
        Assert.True(rows.Count >= 2);
        Assert.All(rows, r => Assert.InRange(r!["actions"]!.AsArray().Count, 1, 3));
        Assert.All(menu.CardBody.Where(e => e!["type"]!.GetValue<string>() == "TextBlock"), block => Assert.DoesNotContain('\n', block!["text"]!.GetValue<string>()));
        Assert.Equal("/v3/conversations/a%3AuniqueId/activities/1531861881500", menu.RawTarget);
    }

    [Fact]
    public async Task A_card_submit_with_a_choice_id_and_no_text_picks_that_choice()
    {
        await using var bot = await BotServer.StartAsync();
        await bot.PostAsync(bot.Fixture("teams-personal-message.json"));
        var welcome = await bot.Connector.TakeAsync(4);
        var submit = bot.Message("ignored", "submit-1");
        submit.Remove("text");
        submit["value"] = welcome[3].SubmitValue("yes");

        await bot.PostAsync(submit);

        Assert.Equal("What would you like to do, User name?", (await bot.Connector.TakeAsync(1))[0].Text);
    }

    [Fact]
    public async Task The_bots_mention_is_stripped_from_channel_messages()
    {
        await using var bot = await BotServer.StartAsync();
        var first = bot.Fixture("teams-channel-message-at-mention.json");
        await bot.PostAsync(first);
        await bot.Connector.TakeAsync(5);
        var help = bot.Fixture("teams-channel-message-at-mention.json");
        help["id"] = "1400900100701";
        help["text"] = "<at>TestBot</at> help";

        await bot.PostAsync(help);

        var replies = await bot.Connector.TakeAsync(2);
        Assert.Equal("I've sent you a private message, so we can talk there.", replies[0].Text);
        Assert.StartsWith("Here's how to talk to me:", replies[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Emulator_keeps_suggested_actions_for_choices()
    {
        await using var bot = await BotServer.StartAsync();
        var activity = bot.Fixture("teams-personal-message.json");
        activity["channelId"] = "emulator";

        await bot.PostAsync(activity);

        var question = (await bot.Connector.TakeAsync(4))[3];
        Assert.Equal(DialogTexts.Text("welcome", "offer_menu"), question.Body["text"]!.GetValue<string>());
        Assert.Equal(DialogTexts.Labels("welcome", "offer_menu"), question.Buttons);
        Assert.Null(question.Body["attachments"]);
    }

    [Fact]
    public async Task An_installation_greets_and_an_uninstall_stops_reminders()
    {
        await using var bot = await BotServer.StartAsync();
        var install = bot.Fixture("teams-personal-message.json");
        install["type"] = "installationUpdate";
        install["action"] = "add";
        install.Remove("text");
        await bot.PostAsync(install);
        var greeting = await bot.Connector.TakeAsync(4);
        var store = bot.App.Services.GetRequiredService<BalanceBot.Core.Reminders.IReminderStore>();
        var subscription = new BalanceBot.Core.Reminders.ReminderSubscription { UserKey = "msteams:29:uniqueId", Schedule = BalanceBot.Core.Reminders.ReminderSchedule.Default("Europe/London") };
        subscription.Reschedule(NodaTime.Instant.FromUtc(2026, 3, 2, 9, 0));
        await store.SaveAsync(subscription, CancellationToken.None);
        var remove = bot.Fixture("teams-personal-message.json");
        remove["type"] = "installationUpdate";
        remove["action"] = "remove";
        remove["id"] = "uninstall-1";
        remove.Remove("text");

        var response = await bot.PostAsync(remove);

        Assert.StartsWith("Hi User name, I'm BalanceBot", greeting[0].Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, bot.Connector.Count);
        var stopped = await store.FindAsync("msteams:29:uniqueId", CancellationToken.None);
        Assert.True(stopped!.Unreachable);
        Assert.Null(stopped.NextDueUtc);
    }

    [Fact]
    public async Task ExpectReplies_returns_the_replies_in_the_response_instead_of_calling_the_connector()
    {
        await using var bot = await BotServer.StartAsync();
        var activity = bot.Fixture("teams-personal-message.json");
        activity["deliveryMode"] = "expectReplies";
        activity.Remove("serviceUrl");

        var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var activities = body["activities"]!.AsArray();
        Assert.Equal(4, activities.Count);
        Assert.Equal(DialogTexts.Text("welcome", "offer_menu"), activities[3]!["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(0, bot.Connector.Count);
    }

    [Fact]
    public async Task Installing_the_bot_in_a_personal_chat_sends_the_welcome_once()
    {
        await using var bot = await BotServer.StartAsync();

        await bot.PostAsync(bot.Fixture("teams-conversationupdate-personal-install.json"));
        var welcome = await bot.Connector.TakeAsync(4);
        var again = bot.Fixture("teams-conversationupdate-personal-install.json");
        again["id"] = "f:another";
        await bot.PostAsync(again);

        Assert.Equal("/v3/conversations/a%3AuniqueID/activities/f%3Ad23bdb9e", welcome[0].RawTarget);
        Assert.StartsWith("Hi there, I'm BalanceBot", welcome[0].Text, StringComparison.Ordinal);
        Assert.Equal(0, bot.Connector.Count);
    }

    [Fact]
    public async Task A_conversationUpdate_that_only_adds_the_bot_sends_nothing()
    {
        await using var bot = await BotServer.StartAsync();
        var activity = bot.Fixture("teams-conversationupdate-personal-install.json");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:uniqueId" });

        var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, bot.Connector.Count);
    }

    [Fact]
    public async Task A_message_in_a_team_channel_moves_to_a_private_chat_and_the_channel_sees_only_a_notice()
    {
        await using var bot = await BotServer.StartAsync();

        await bot.PostAsync(bot.Fixture("teams-channel-message-at-mention.json"));

        var received = await bot.Connector.TakeAsync(5);
        var notice = received[0];
        // Teams ids contain ':', '@', ';' and '=': every path segment is escaped (botframework.md trap 3).
        Assert.Equal("/v3/conversations/19%3AThreadID%40thread.skype%3Bmessageid%3D1400900100700/activities/1400900100700", notice.RawTarget);
        Assert.Equal("I've sent you a private message, so we can talk there.", notice.Text);
        var created = Assert.Single(bot.Connector.Created);
        Assert.Equal("29:SAMPLEID", created["members"]![0]!["id"]!.GetValue<string>());
        Assert.False(created["isGroup"]!.GetValue<bool>());
        Assert.All(received.Skip(1), r => Assert.Equal("/v3/conversations/a%3Aprivate-29%3ASAMPLEID/activities", r.RawTarget));
        Assert.StartsWith("Hi SAMPLE USER, I'm BalanceBot", received[1].Text, StringComparison.Ordinal);
        Assert.Equal(1, bot.Database.Database.GetCollection("conversations").Count(Query.EQ("_id", "msteams:a:private-29:SAMPLEID")));
        Assert.Equal(0, bot.Database.Database.GetCollection("conversations").Count(Query.EQ("_id", "msteams:19:ThreadID@thread.skype;messageid=1400900100700")));
    }

    [Fact]
    public async Task No_welcome_is_posted_when_someone_joins_a_team()
    {
        await using var bot = await BotServer.StartAsync();

        var response = await bot.PostAsync(bot.Fixture("teams-conversationupdate-team-member-added.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, bot.Connector.Count);
    }

    [Fact]
    public async Task Conversation_ids_that_differ_only_in_case_are_different_conversations()
    {
        await using var bot = await BotServer.StartAsync();

        // The fixtures really do differ: the install uses "a:uniqueID", the message "a:uniqueId".
        await bot.PostAsync(bot.Fixture("teams-conversationupdate-personal-install.json"));
        await bot.Connector.TakeAsync(4);
        await bot.PostAsync(bot.Fixture("teams-personal-message.json"));

        var replies = await bot.Connector.TakeAsync(4);
        Assert.StartsWith("Hi User name", replies[0].Text, StringComparison.Ordinal);
        Assert.Equal(2, bot.Database.Database.GetCollection("conversations").Count());
    }

    [Fact]
    public async Task A_redelivered_activity_is_answered_once()
    {
        await using var bot = await BotServer.StartAsync();
        await bot.PostAsync(bot.Fixture("teams-personal-message.json"));
        await bot.Connector.TakeAsync(4);

        var again = await bot.PostAsync(bot.Fixture("teams-personal-message.json"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(0, bot.Connector.Count);
    }

    [Fact]
    public async Task A_connector_failure_still_acknowledges_the_activity_and_keeps_the_state()
    {
        await using var bot = await BotServer.StartAsync();
        bot.Connector.Answer = HttpStatusCode.BadGateway;

        var response = await bot.DriveClockAsync(bot.PostAsync(bot.Fixture("teams-personal-message.json")));
        var attempted = bot.Connector.Drain();
        bot.Connector.Answer = HttpStatusCode.OK;
        await bot.PostAsync(bot.Message("yes", "m2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The first reply was tried 1 + MaxRetries times; the rest were not sent out of order.
        Assert.Equal(1 + BalanceBot.Channels.BotFramework.ConnectorRetry.MaxRetries, attempted.Count);
        Assert.All(attempted, a => Assert.StartsWith("Hi User name", a.Text, StringComparison.Ordinal));
        Assert.Equal("What would you like to do, User name?", (await bot.Connector.TakeAsync(1))[0].Body["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_health_endpoint_answers_while_the_database_is_open()
    {
        await using var bot = await BotServer.StartAsync();

        var response = await bot.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_readiness_endpoint_reports_storage_scheduler_and_channels_and_fails_when_storage_is_gone()
    {
        await using var bot = await BotServer.StartAsync();

        var ready = await bot.Http.GetFromJsonAsync<Dictionary<string, string>>("/readyz");
        bot.Database.Database.Dispose();
        using var gone = await bot.Http.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(new Dictionary<string, string> { ["storage"] = "ok", ["scheduler"] = "running", ["botframework"] = "local (no app id)", ["discord"] = "off" }, ready);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, gone.StatusCode);
        Assert.Equal("unavailable", (await gone.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["storage"]);
    }

    public static TheoryData<string, string, HttpStatusCode> BadRequests => new()
    {
        { "malformed JSON", "{\"type\":\"message\",", HttpStatusCode.BadRequest },
        { "not an object", "[1,2,3]", HttpStatusCode.BadRequest },
        { "null", "null", HttpStatusCode.BadRequest },
        { "empty body", "", HttpStatusCode.BadRequest },
        { "wrong type for a field", """{"type":"message","text":5,"from":{"id":"u"},"conversation":{"id":"c"},"serviceUrl":"http://127.0.0.1:9/"}""", HttpStatusCode.BadRequest },
        { "no type", """{"text":"hi","from":{"id":"u"},"conversation":{"id":"c"}}""", HttpStatusCode.BadRequest },
        { "missing conversation.id", """{"type":"message","text":"hi","from":{"id":"u"},"conversation":{},"serviceUrl":"http://127.0.0.1:9/"}""", HttpStatusCode.BadRequest },
        { "missing from.id", """{"type":"message","text":"hi","conversation":{"id":"c"},"serviceUrl":"http://127.0.0.1:9/"}""", HttpStatusCode.BadRequest },
        { "relative serviceUrl", """{"type":"message","text":"hi","from":{"id":"u"},"conversation":{"id":"c"},"serviceUrl":"/local"}""", HttpStatusCode.BadRequest },
        { "file serviceUrl", """{"type":"message","text":"hi","from":{"id":"u"},"conversation":{"id":"c"},"serviceUrl":"file:///etc/passwd"}""", HttpStatusCode.BadRequest },
        { "giant id", MinimalMessage(fromId: new string('u', 5000)), HttpStatusCode.BadRequest },
        { "nested too deep", """{"type":"message","from":{"id":"u"},"conversation":{"id":"c"},"value":""" + new string('[', 100) + new string(']', 100) + "}", HttpStatusCode.BadRequest },
        { "over 256 KB", "{\"type\":\"message\",\"text\":\"" + new string('x', 300 * 1024) + "\",\"from\":{\"id\":\"u\"},\"conversation\":{\"id\":\"c\"}}", HttpStatusCode.RequestEntityTooLarge },
    };

    private static string MinimalMessage(string fromId) => new JsonObject
    {
        ["type"] = "message",
        ["text"] = "hi",
        ["from"] = new JsonObject { ["id"] = fromId },
        ["conversation"] = new JsonObject { ["id"] = "c" },
        ["serviceUrl"] = "http://127.0.0.1:9/",
    }.ToJsonString();

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_gets_a_problem_response_and_stores_nothing(string what, string body, HttpStatusCode expected)
    {
        await using var bot = await BotServer.StartAsync();

        var response = await bot.PostRawAsync(body);

        Assert.True(expected == response.StatusCode, $"{what}: got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, bot.Database.Database.GetCollection("conversations").Count());
        Assert.Equal(0, bot.Database.Database.GetCollection("users").Count());
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_with_413()
    {
        await using var bot = await BotServer.StartAsync();
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 300 * 1024) + "{}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_activity_types_are_acknowledged_and_ignored()
    {
        await using var bot = await BotServer.StartAsync();
        var activity = bot.Fixture("teams-personal-message.json");
        activity["type"] = "somethingNew";

        var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, bot.Connector.Count);
        Assert.Equal(0, bot.Database.Database.GetCollection("conversations").Count());
    }

    [Fact]
    public async Task A_token_in_local_mode_is_refused_with_401_before_anything_is_stored()
    {
        await using var bot = await BotServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(bot.Fixture("teams-personal-message.json")) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");

        var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, bot.Database.Database.GetCollection("conversations").Count());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_with_415()
    {
        await using var bot = await BotServer.StartAsync();

        var response = await bot.PostRawAsync("type=message", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Only_post_is_accepted_on_the_messages_endpoint()
    {
        await using var bot = await BotServer.StartAsync();

        var response = await bot.Http.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task The_conversation_reference_is_stored_for_proactive_messages()
    {
        await using var bot = await BotServer.StartAsync();
        await bot.PostAsync(bot.Fixture("teams-personal-message.json"));
        await bot.Connector.TakeAsync(4);

        var user = bot.Database.Database.GetCollection("users").FindById("msteams:29:uniqueId");

        Assert.Equal("botframework", user["address"]["channel"].AsString);
        Assert.StartsWith("dp1:", user["address"]["payload"].AsString, StringComparison.Ordinal); // encrypted at rest
        var stored = await bot.App.Services.GetRequiredService<BalanceBot.Core.Users.IUserStore>().FindAsync("msteams:29:uniqueId", CancellationToken.None);
        var reference = JsonNode.Parse(stored!.Address!.Payload)!;
        Assert.Equal(bot.Connector.ServiceUrl, reference["serviceUrl"]!.GetValue<string>());
        Assert.Equal("a:uniqueId", reference["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal("09e852a2-4575-45f7-9586-7cc3acfdc715", reference["conversation"]!["tenantId"]!.GetValue<string>());
        Assert.Equal("d2ffaeab-d802-4fec-8580-0987e9ad2628", reference["user"]!["aadObjectId"]!.GetValue<string>());
        Assert.Equal("28:uniqueId", reference["bot"]!["id"]!.GetValue<string>());
        Assert.Equal(new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), user["firstSeen"].AsDateTime);
    }
}
