using System.Net;
using System.Text.Json.Nodes;
using BalanceBot.Channels.Discord;
using BalanceBot.Core.Broadcasts;
using BalanceBot.Core.Reminders;

namespace BalanceBot.Tests.Channels;

/// <summary>
/// Dialogs over Discord components (issue 6 §2-§3): slash commands start them, buttons, selects and modals answer
/// them, every message stays inside Discord's component limits, and stray clicks get a friendly ephemeral note.
/// </summary>
public sealed class DiscordDialogTests : IAsyncLifetime, IDisposable
{
    private const string ApplicationId = "787271007046991882";
    private const string UserId = "53908232506183680";

    private readonly TestDiscordApplication _application = new();
    private BotServer _bot = null!;
    private FakeDiscordApi _discord = null!;
    private SignedDiscordClient _client = null!;
    private int _formsSubmitted;

    public async Task InitializeAsync()
    {
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(start);
        _discord = await FakeDiscordApi.StartAsync(time);
        _bot = await BotServer.StartAsync(DiscordSettings(_application.PublicKey, _discord.BaseUrl), now: start, time: time);
        _client = new SignedDiscordClient(_bot.Http, _application, () => _bot.Time.GetUtcNow());
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _discord.DisposeAsync();
    }

    public void Dispose() => _application.Dispose();

    internal static Dictionary<string, string?> DiscordSettings(string publicKey, string apiBaseUrl) => new()
    {
        ["Discord:ApplicationId"] = ApplicationId,
        ["Discord:PublicKey"] = publicKey,
        ["Discord:BotToken"] = FakeDiscordApi.BotToken,
        ["Discord:ApiBaseUrl"] = apiBaseUrl,
    };

    [Fact]
    public async Task A_full_checkup_runs_through_buttons_a_select_and_a_modal_inside_the_component_limits()
    {
        var user = new DiscordInteractionBuilder(ApplicationId, UserId);
        var answer = await _client.AnswerAsync(user.Command("checkup"));
        var said = new List<string>();
        var used = new HashSet<string>();
        for (var step = 0; step < 60; step++)
        {
            Assert.Equal(InteractionCallbackTypes.ChannelMessageWithSource, answer["type"]!.GetValue<int>());
            var message = answer["data"]!.AsObject();
            AssertWithinLimits(message);
            Assert.Equal(InteractionCallbackTypes.EphemeralFlag, message["flags"]!.GetValue<int>());
            said.Add(message["content"]!.GetValue<string>());
            var components = Leaves(message).ToList();
            if (components.Count == 0)
            {
                break;
            }

            used.UnionWith(components.Select(c => c["type"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture)));
            answer = await AnswerLikeAHealthyUserAsync(user, components);
        }

        var conversation = string.Join("\n", said);
        Assert.Contains("This sounds like a common pattern", conversation, StringComparison.Ordinal);
        Assert.Contains("not a diagnosis", conversation, StringComparison.Ordinal);
        Assert.Superset(new HashSet<string> { "2", "3" }, used);
        Assert.Equal(1, _formsSubmitted);
    }

    [Fact]
    public async Task A_form_submitted_for_a_question_that_takes_no_typed_answer_is_refused_and_the_question_stays_open()
    {
        var owner = new DiscordInteractionBuilder(ApplicationId, UserId);
        var question = await _client.AnswerAsync(owner.Command("checkup"));
        var (no, none) = NoneOfTheChecklist(question);
        var forgedForm = no[..no.LastIndexOf(':')] + ":" + DiscordReplyRenderer.ModalSlot;

        var refused = await _client.AnswerAsync(owner.Submit(forgedForm, "no"));
        Assert.Equal(DiscordInteractionHandler.Unknown, refused["data"]!["content"]!.GetValue<string>());
        Assert.Equal(InteractionCallbackTypes.EphemeralFlag, refused["data"]!["flags"]!.GetValue<int>());

        // The prompt was not claimed: its own menu still answers it.
        var next = await _client.AnswerAsync(owner.Select(no, none));
        var content = next["data"]!["content"]?.GetValue<string>();
        Assert.DoesNotContain(content, new[] { DiscordInteractionHandler.AlreadyAnswered, DiscordInteractionHandler.Unknown, DiscordInteractionHandler.Expired });
        Assert.NotEqual(question["data"]!["content"]?.GetValue<string>(), content);
    }

    [Fact]
    public async Task A_click_by_someone_else_is_refused_privately_and_the_owner_can_still_answer()
    {
        var owner = new DiscordInteractionBuilder(ApplicationId, UserId);
        var question = await _client.AnswerAsync(owner.Command("checkup"));
        var (no, none) = NoneOfTheChecklist(question);

        var stranger = new DiscordInteractionBuilder(ApplicationId, "80351110224678912");
        var refused = await _client.AnswerAsync(stranger.Select(no, none));
        Assert.Equal(DiscordInteractionHandler.NotYours, refused["data"]!["content"]!.GetValue<string>());
        Assert.Equal(InteractionCallbackTypes.EphemeralFlag, refused["data"]!["flags"]!.GetValue<int>());

        var next = await _client.AnswerAsync(owner.Select(no, none));
        Assert.Contains("Where is the pain", next["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_click_on_an_answered_question_or_an_old_one_is_a_friendly_note_not_a_failure()
    {
        var user = new DiscordInteractionBuilder(ApplicationId, UserId);
        var first = await _client.AnswerAsync(user.Command("checkup"));
        var (no, none) = NoneOfTheChecklist(first);
        var second = await _client.AnswerAsync(user.Select(no, none));

        var again = await _client.AnswerAsync(user.Select(no, none));
        Assert.Equal(DiscordInteractionHandler.AlreadyAnswered, again["data"]!["content"]!.GetValue<string>());

        // A new check-up makes the earlier one's open question stale.
        var area = Leaves(second["data"]!.AsObject()).Single(c => c["type"]!.GetValue<int>() == 3);
        await _client.AnswerAsync(user.Command("checkup"));
        var old = await _client.AnswerAsync(user.Select(area["custom_id"]!.GetValue<string>(), "0"));
        Assert.Equal(DiscordInteractionHandler.Expired, old["data"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_button_older_than_a_day_or_with_a_forged_id_gets_a_friendly_reply()
    {
        var user = new DiscordInteractionBuilder(ApplicationId, UserId);
        var question = await _client.AnswerAsync(user.Command("checkup"));
        var (no, none) = NoneOfTheChecklist(question);

        var forged = await _client.AnswerAsync(user.Click("bb1:AAAAAAAAAAAA:0"));
        var oldVersion = await _client.AnswerAsync(user.Click("accept_button_123"));
        var outOfRange = await _client.AnswerAsync(user.Select(no, "97"));
        _bot.Time.Advance(TimeSpan.FromHours(25));
        var expired = await _client.AnswerAsync(user.Select(no, none));

        foreach (var answer in new[] { forged, oldVersion, expired })
        {
            Assert.Equal(InteractionCallbackTypes.ChannelMessageWithSource, answer["type"]!.GetValue<int>());
            Assert.Equal(DiscordInteractionHandler.Expired, answer["data"]!["content"]!.GetValue<string>());
            Assert.Equal(InteractionCallbackTypes.EphemeralFlag, answer["data"]!["flags"]!.GetValue<int>());
        }

        Assert.Equal(DiscordInteractionHandler.Unknown, outOfRange["data"]!["content"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("stretch", "area", "neck", "neck")]
    [InlineData("stretch", null, null, "stop")]
    [InlineData("help", null, null, "reminders")]
    [InlineData("mydata", null, null, "Here is everything I keep about you")]
    [InlineData("stats", null, null, "reminder")]
    public async Task A_slash_command_gets_the_answer_its_words_get_in_chat(string command, string? option, string? value, string expected)
    {
        var user = new DiscordInteractionBuilder(ApplicationId, UserId);
        var answer = option is null
            ? await _client.AnswerAsync(user.Command(command))
            : await _client.AnswerAsync(user.Command(command, (option, JsonValue.Create(value)!)));

        var content = answer["data"]!["content"]!.GetValue<string>();
        Assert.NotEqual(DiscordInteractionHandler.Unknown, content);
        Assert.Contains(expected, content, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Reminders_set_up_in_the_bots_DM_ask_for_the_time_zone_and_take_times_through_the_form()
    {
        var user = new DiscordInteractionBuilder(ApplicationId, UserId, guildId: null);
        var answer = await _client.AnswerAsync(user.Command("reminders"));
        var message = answer["data"]!.AsObject();

        // In the bot's own DM nobody else can see it: not ephemeral. Discord gave no time zone, so it is asked.
        Assert.Null(message["flags"]);
        Assert.Contains("Which time zone", message["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var select = Leaves(message).Single(c => c["type"]!.GetValue<int>() == 3);
        var berlin = select["options"]!.AsArray().Single(o => o!["label"]!.GetValue<string>() == "Berlin")!["value"]!.GetValue<string>();
        answer = await _client.AnswerAsync(user.Select(select["custom_id"]!.GetValue<string>(), berlin));
        Assert.Contains("Europe/Berlin", answer["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal); // said back first
        answer = await _client.AnswerAsync(user.Click(ButtonId(answer, "Yes")));
        Assert.Contains("Which days", answer["data"]!["content"]!.GetValue<string>() + " ", StringComparison.OrdinalIgnoreCase);

        answer = await _client.AnswerAsync(user.Click(ButtonId(answer, "Monday to Friday")));
        Assert.Contains("working day start", answer["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var typeIt = ButtonId(answer, "Type your answer");
        var form = await _client.AnswerAsync(user.Click(typeIt));
        Assert.Equal(InteractionCallbackTypes.Modal, form["type"]!.GetValue<int>());
        var modalId = form["data"]!["custom_id"]!.GetValue<string>();
        Assert.True(form["data"]!["title"]!.GetValue<string>().Length <= 45);

        answer = await _client.AnswerAsync(user.Submit(modalId, "8:30"));
        Assert.Contains("when does it end", answer["data"]!["content"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);

        // The DM channel came with the interaction: kept for reminders, so none has to be created.
        var kept = _bot.Database.Database.GetCollection("discord_users").FindById(UserId);
        Assert.Equal("8" + UserId, kept["dmChannel"].AsString);
        var stored = _bot.Database.Database.GetCollection("users").FindById("discord:" + UserId);
        Assert.Equal("Europe/Berlin", stored["timeZone"].AsString);
        Assert.Equal("en-GB", stored["locale"].AsString);
    }

    [Fact]
    public async Task Broadcast_is_refused_without_the_permission_and_unknown_commands_are_answered_politely()
    {
        var member = new DiscordInteractionBuilder(ApplicationId, UserId);
        var refused = await _client.AnswerAsync(member.Command("broadcast"));
        Assert.EndsWith(RequireAdminAction.Refusal, refused["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, _bot.Database.Database.GetCollection("broadcasts").Count());

        // Manage Server (32) is the configured permission: the member may compose, through the form.
        var admin = new DiscordInteractionBuilder(ApplicationId, "80351110224678912") { MemberPermissions = "32" };
        var asked = await _client.AnswerAsync(admin.Command("broadcast"));
        Assert.Contains("What should the message say?", asked["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var form = await _client.AnswerAsync(admin.Click(ButtonId(asked, "Type your answer")));
        var exercise = await _client.AnswerAsync(admin.Submit(form["data"]!["custom_id"]!.GetValue<string>(), "Stand-up Friday: stretch at 11:00"));
        AssertWithinLimits(exercise["data"]!.AsObject());
        var areas = Leaves(exercise["data"]!.AsObject()).Single(c => c["type"]!.GetValue<int>() == 3);
        var none = areas["options"]!.AsArray().Single(o => o!["label"]!.GetValue<string>() == "No exercise")!["value"]!.GetValue<string>();
        var audience = await _client.AnswerAsync(admin.Select(areas["custom_id"]!.GetValue<string>(), none));
        var when = await _client.AnswerAsync(admin.Click(ButtonId(audience, "Everyone")));
        var preview = await _client.AnswerAsync(admin.Click(ButtonId(when, "Now")));
        Assert.Contains("Stand-up Friday: stretch at 11:00", preview["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("For everyone who gets wellness messages: 2 people right now.", preview["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var sent = await _client.AnswerAsync(admin.Click(ButtonId(preview, "Yes")));
        Assert.StartsWith("Queued for", sent["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var broadcast = _bot.App.Services.GetRequiredService<IBroadcastStore>().List(1).Single();
        Assert.Equal("discord:80351110224678912", broadcast.CreatedBy);

        // Sent by DM to both users; the composer's DM also gets the progress message, edited to the final counts.
        await _bot.DriveClockAsync(_bot.App.Services.GetRequiredService<BroadcastDispatcher>().RunOnceAsync(CancellationToken.None));
        var composerDm = FakeDiscordApi.DmChannelOf("80351110224678912");
        var toComposer = _discord.Posted.Where(m => m.Channel == composerDm).Select(m => m.Body["content"]!.GetValue<string>()).ToList();
        Assert.Equal(3, toComposer.Count);
        Assert.StartsWith("Stand-up Friday: stretch at 11:00", toComposer[0], StringComparison.Ordinal);
        Assert.Equal($"Broadcast {broadcast.Id} has gone out: 2 of 2 sent.", toComposer[1]);
        Assert.Equal($"Your broadcast {broadcast.Id} has finished: 2 sent (of 2).", toComposer[2]);
        var edit = Assert.Single(_discord.MessageEdits);
        Assert.Equal(composerDm + "/" + edit.MessageId, _bot.App.Services.GetRequiredService<IBroadcastStore>().Find(broadcast.Id)!.ProgressMessageId);
        Assert.Equal((composerDm, toComposer[1]), (edit.Channel, edit.Body["content"]!.GetValue<string>()));
        Assert.Empty(edit.Body["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Null(edit.Body["nonce"]);

        var unknown = await _client.AnswerAsync(member.Command("blep"));
        Assert.Equal(DiscordInteractionHandler.Unknown, unknown["data"]!["content"]!.GetValue<string>());
        Assert.Equal(InteractionCallbackTypes.EphemeralFlag, unknown["data"]!["flags"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_due_reminder_arrives_by_DM_and_its_Done_button_counts_while_a_closed_DM_marks_the_user_unreachable()
    {
        const string Closed = "80351110224678912";
        _discord.ClosedDms[Closed] = 50007;
        var store = _bot.App.Services.GetRequiredService<IReminderStore>();
        foreach (var id in new[] { UserId, Closed })
        {
            await _client.AnswerAsync(new DiscordInteractionBuilder(ApplicationId, id).Command("stretch"));
            var subscription = new ReminderSubscription { UserKey = "discord:" + id, Schedule = ReminderSchedule.Default("Europe/Berlin") };
            subscription.Reschedule(NodaTime.Instant.FromDateTimeOffset(_bot.Time.GetUtcNow()));
            await store.SaveAsync(subscription, CancellationToken.None);
        }

        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 10, 0, 20, TimeSpan.Zero)); // 11:00 in Berlin, the next whole-hour slot
        var summary = await _bot.DriveClockAsync(_bot.App.Services.GetRequiredService<ReminderSweep>().RunOnceAsync(CancellationToken.None));

        Assert.Equal(1, summary.Sent);
        var prompt = Assert.Single(_discord.Messages);
        Assert.Equal(FakeDiscordApi.DmChannelOf(UserId), Assert.Single(_discord.MessageChannels));
        Assert.StartsWith("Time for a short movement break.", prompt["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var buttons = prompt["components"]![0]!["components"]!.AsArray().Select(b => b!.AsObject()).ToList();
        Assert.Equal(["Done", "Snooze 10 min", "Snooze 30 min", "Skip", "Pause for today"], buttons.Select(b => b["label"]!.GetValue<string>()));
        Assert.True((await store.FindAsync("discord:" + Closed, CancellationToken.None))!.Unreachable);

        var inDm = new DiscordInteractionBuilder(ApplicationId, UserId, guildId: null);
        var done = await _client.AnswerAsync(inDm.Click(buttons[0]["custom_id"]!.GetValue<string>()));
        var content = done["data"]!["content"]!.GetValue<string>();
        Assert.DoesNotContain(content, new[] { DiscordInteractionHandler.Expired, DiscordInteractionHandler.Unknown, DiscordInteractionHandler.NotYours });
        Assert.Equal(1, (await store.FindAsync("discord:" + UserId, CancellationToken.None))!.Tally.Values.Sum(d => d.Done));

        // The unreachable user hears why at their next command, in private, and can have reminders back.
        var closedUser = new DiscordInteractionBuilder(ApplicationId, Closed);
        var told = await _client.AnswerAsync(closedUser.Command("stats"));
        Assert.Contains(DiscordInteractionHandler.DmsClosed, told["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        await _client.AnswerAsync(closedUser.Command("resume"));
        Assert.False((await store.FindAsync("discord:" + Closed, CancellationToken.None))!.Unreachable);
    }

    [Fact]
    public async Task Forget_me_after_a_yes_leaves_no_document_anywhere_with_the_users_id()
    {
        var store = _bot.App.Services.GetRequiredService<IReminderStore>();
        var user = new DiscordInteractionBuilder(ApplicationId, UserId, guildId: null);
        await _client.AnswerAsync(user.Command("stretch"));
        var subscription = new ReminderSubscription { UserKey = "discord:" + UserId, Schedule = ReminderSchedule.Default("Europe/Berlin") };
        subscription.Reschedule(NodaTime.Instant.FromDateTimeOffset(_bot.Time.GetUtcNow()));
        await store.SaveAsync(subscription, CancellationToken.None);
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 10, 0, 20, TimeSpan.Zero));
        Assert.Equal(1, (await _bot.DriveClockAsync(_bot.App.Services.GetRequiredService<ReminderSweep>().RunOnceAsync(CancellationToken.None))).Sent);
        await _client.AnswerAsync(user.Command("checkup"));

        // As a wellness-team member (Manage Server in a guild), the same person composed a broadcast.
        var asAdmin = new DiscordInteractionBuilder(ApplicationId, UserId) { MemberPermissions = "32" };
        var form = await _client.AnswerAsync(asAdmin.Click(ButtonId(await _client.AnswerAsync(asAdmin.Command("broadcast")), "Type your answer")));
        var exercise = await _client.AnswerAsync(asAdmin.Submit(form["data"]!["custom_id"]!.GetValue<string>(), "Walk at lunch"));
        var areas = Leaves(exercise["data"]!.AsObject()).Single(c => c["type"]!.GetValue<int>() == 3);
        var when = await _client.AnswerAsync(asAdmin.Click(ButtonId(await _client.AnswerAsync(asAdmin.Select(areas["custom_id"]!.GetValue<string>(), "0")), "Everyone")));
        await _client.AnswerAsync(asAdmin.Click(ButtonId(await _client.AnswerAsync(asAdmin.Click(ButtonId(when, "Now"))), "Yes")));
        Assert.Equal("discord:" + UserId, _bot.App.Services.GetRequiredService<IBroadcastStore>().List(1).Single().CreatedBy);
        Assert.NotEmpty(DocumentsMentioning(UserId));

        var question = await _client.AnswerAsync(user.Command("forgetme"));
        Assert.Contains("Delete it all?", question["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var done = await _client.AnswerAsync(user.Click(ButtonId(question, "Yes")));

        var said = done["data"]!["content"]!.GetValue<string>();
        Assert.Contains("your reminder schedule and its stats", said, StringComparison.Ordinal);
        Assert.Contains("your Discord DM channel id", said, StringComparison.Ordinal);
        Assert.Contains("your name on broadcasts you composed and in the audit log", said, StringComparison.Ordinal);
        Assert.Empty(DocumentsMentioning(UserId));
        Assert.StartsWith("forgotten-user:", _bot.App.Services.GetRequiredService<IBroadcastStore>().List(1).Single().CreatedBy, StringComparison.Ordinal);
        Assert.Null(await store.FindAsync("discord:" + UserId, CancellationToken.None));

        // Talking again starts fresh, with the welcome notices.
        var again = await _client.AnswerAsync(user.Command("help"));
        Assert.Contains("not a diagnosis", again["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_me_answered_no_deletes_nothing()
    {
        var user = new DiscordInteractionBuilder(ApplicationId, UserId);
        var question = await _client.AnswerAsync(user.Command("forgetme"));
        var kept = await _client.AnswerAsync(user.Click(ButtonId(question, "No")));

        Assert.Contains("Nothing was deleted", kept["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(_bot.Database.Database.GetCollection("users").FindById("discord:" + UserId));
    }

    /// <summary>Every document in every collection whose JSON contains the id, as "collection: document".</summary>
    private List<string> DocumentsMentioning(string id)
    {
        var database = _bot.Database.Database;
        return [.. database.GetCollectionNames()
            .SelectMany(name => database.GetCollection(name).FindAll().Select(d => $"{name}: {LiteDB.JsonSerializer.Serialize(d)}"))
            .Where(json => json.Contains(id, StringComparison.Ordinal))];
    }

    private async Task<JsonObject> AnswerLikeAHealthyUserAsync(DiscordInteractionBuilder user, List<JsonObject> components)
    {
        if (components.FirstOrDefault(c => c["label"]?.GetValue<string>() == "No") is { } no)
        {
            return await _client.AnswerAsync(user.Click(no["custom_id"]!.GetValue<string>()));
        }

        if (components.FirstOrDefault(c => c["label"]?.GetValue<string>() == "Type your answer") is { } typeIt)
        {
            var form = await _client.AnswerAsync(user.Click(typeIt["custom_id"]!.GetValue<string>()));
            Assert.Equal(InteractionCallbackTypes.Modal, form["type"]!.GetValue<int>());
            AssertModalWithinLimits(form["data"]!.AsObject());
            _formsSubmitted++;
            return await _client.AnswerAsync(user.Submit(form["data"]!["custom_id"]!.GetValue<string>(), "3"));
        }

        if (components.FirstOrDefault(c => c["type"]!.GetValue<int>() == 3) is { } select)
        {
            var options = select["options"]!.AsArray();
            var pick = options.FirstOrDefault(o => o!["label"]!.GetValue<string>() is "Neck" or "None of these") ?? options[0];
            return await _client.AnswerAsync(user.Select(select["custom_id"]!.GetValue<string>(), pick!["value"]!.GetValue<string>()));
        }

        return await _client.AnswerAsync(user.Click(components[0]["custom_id"]!.GetValue<string>()));
    }

    /// <summary>The check-up opens with a red-flag checklist (issue 17), a select menu on Discord: its id and "None of these".</summary>
    private static (string CustomId, string NoneValue) NoneOfTheChecklist(JsonObject answer)
    {
        var select = Leaves(answer["data"]!.AsObject()).Single(c => c["type"]!.GetValue<int>() == 3);
        var none = select["options"]!.AsArray().Single(o => o!["label"]!.GetValue<string>() == "None of these")!["value"]!.GetValue<string>();
        return (select["custom_id"]!.GetValue<string>(), none);
    }

    private static string ButtonId(JsonObject answer, string label) =>
        Leaves(answer["data"]!.AsObject()).Single(c => c["label"]?.GetValue<string>() == label)["custom_id"]!.GetValue<string>();

    private static IEnumerable<JsonObject> Leaves(JsonObject message) =>
        (message["components"]?.AsArray() ?? []).SelectMany(row => row!["components"]!.AsArray()).Select(c => c!.AsObject());

    /// <summary>discord.md §2: 5 rows, 5 buttons a row, one select alone in its row, 25 options, 100-character ids, unique ids.</summary>
    internal static void AssertWithinLimits(JsonObject message)
    {
        Assert.True(message["content"]!.GetValue<string>().Length <= 2000);
        Assert.Empty(message["allowed_mentions"]!["parse"]!.AsArray());
        var rows = message["components"]?.AsArray() ?? [];
        Assert.True(rows.Count <= 5);
        var ids = new List<string>();
        foreach (var row in rows.Select(r => r!.AsObject()))
        {
            Assert.Equal(1, row["type"]!.GetValue<int>());
            var children = row["components"]!.AsArray().Select(c => c!.AsObject()).ToList();
            Assert.InRange(children.Count, 1, 5);
            if (children.Any(c => c["type"]!.GetValue<int>() == 3))
            {
                Assert.Single(children);
                Assert.InRange(children[0]["options"]!.AsArray().Count, 1, 25);
                Assert.All(children[0]["options"]!.AsArray(), o => Assert.InRange(o!["label"]!.GetValue<string>().Length, 1, 100));
            }
            else
            {
                Assert.All(children, c => Assert.InRange(c["label"]!.GetValue<string>().Length, 1, 80));
            }

            ids.AddRange(children.Select(c => c["custom_id"]!.GetValue<string>()));
        }

        Assert.All(ids, id => Assert.True(id.Length <= 100 && id.StartsWith("bb1:", StringComparison.Ordinal), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    private static void AssertModalWithinLimits(JsonObject modal)
    {
        Assert.InRange(modal["title"]!.GetValue<string>().Length, 1, 45);
        Assert.True(modal["custom_id"]!.GetValue<string>().Length <= 100);
        var labels = modal["components"]!.AsArray();
        Assert.InRange(labels.Count, 1, 5);
        foreach (var label in labels.Select(l => l!.AsObject()))
        {
            Assert.Equal(18, label["type"]!.GetValue<int>());
            Assert.InRange(label["label"]!.GetValue<string>().Length, 1, 45);
            Assert.True(label["description"]!.GetValue<string>().Length <= 100);
            Assert.Equal(4, label["component"]!["type"]!.GetValue<int>());
        }
    }
}
