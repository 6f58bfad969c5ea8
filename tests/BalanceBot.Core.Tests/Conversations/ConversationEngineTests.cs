using BalanceBot.Core.Conversations;
using BalanceBot.Core.Users;

namespace BalanceBot.Core.Tests.Conversations;

public sealed class ConversationEngineTests
{
    private const string FirstDialog = """
        id: first
        triggers: [go first, colours please]
        steps:
          - id: intro
            say: Hello {user_name}.
          - id: colour
            ask: choice
            text: Pick a colour.
            save: colour
            choices:
              - id: red
                label: Red
                synonyms: [crimson]
              - id: light_blue
                label: Light blue
              - id: blue
                label: Blue
          - id: sure
            ask: confirm
            text: You picked {colour}. Sure?
            no: colour
          - id: count
            ask: number
            text: How many?
            min: 1
            max: 5
            save: count
          - id: name
            ask: text
            text: Your name?
            max_length: 10
            save: name
          - id: when
            ask: time
            text: When?
            save: when
          - id: keep
            action: save_preference
            args: { key: workday_start, from: when }
          - id: summary
            say: "{name}: {colour} x{count} at {when}."
          - id: done
            end: true
        """;

    private static EngineHarness NewHarness(string yaml = FirstDialog, params IDialogAction[] actions) =>
        new(TestDialogs.Catalog(yaml, actions));

    [Fact]
    public async Task A_dialog_runs_its_say_steps_then_waits_on_its_first_question()
    {
        using var bot = await NewHarness().WelcomedAsync();

        var replies = await bot.SayAsync("go first");

        Assert.Equal(["Hello Robin.", "Pick a colour."], replies.Select(r => r.Text));
        Assert.False(replies[0].ExpectsInput);
        Assert.True(replies[1].ExpectsInput);
        Assert.Equal(["red", "light_blue", "blue"], replies[1].Choices.Select(c => c.Id));
        Assert.Equal("colour", (await bot.StateAsync()).Active!.StepId);
    }

    [Theory]
    [InlineData("Red", "red")]
    [InlineData("RED!", "red")]
    [InlineData("crimson", "red")]
    [InlineData("light blue", "light_blue")]
    [InlineData("I'd like light blue please", "light_blue")]
    [InlineData("blue, not red", "blue")]
    [InlineData("the second one", "light_blue")]
    [InlineData("last", "blue")]
    [InlineData("3", "blue")]
    [InlineData("two", "light_blue")]
    [InlineData("option 1", "red")]
    public async Task A_choice_is_recognised_by_label_synonym_ordinal_or_number(string answer, string expectedChoice)
    {
        using var bot = await NewHarness().WelcomedAsync();
        await bot.SayAsync("go first");

        var replies = await bot.SayAsync(answer);

        Assert.Equal(expectedChoice, (await bot.StateAsync()).Active!.Values["colour"]);
        Assert.Equal($"You picked {expectedChoice}. Sure?", replies.Single().Text);
    }

    [Fact]
    public async Task A_clicked_choice_id_is_taken_as_the_answer()
    {
        using var bot = await NewHarness().WelcomedAsync();
        await bot.SayAsync("go first");

        await bot.ClickAsync("light_blue");

        Assert.Equal("light_blue", (await bot.StateAsync()).Active!.Values["colour"]);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("Yep")]
    [InlineData("sure!")]
    [InlineData("ok")]
    [InlineData("yes please")]
    [InlineData("1")]
    public async Task A_confirm_accepts_common_ways_of_saying_yes(string answer)
    {
        using var bot = await NewHarness().WelcomedAsync();
        await bot.SayEachAsync("go first", "red");

        var replies = await bot.SayAsync(answer);

        Assert.Equal("How many?", replies.Single().Text);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("Nope")]
    [InlineData("nah")]
    [InlineData("no thanks")]
    [InlineData("2")]
    public async Task A_confirm_follows_its_no_branch_for_common_ways_of_saying_no(string answer)
    {
        using var bot = await NewHarness().WelcomedAsync();
        await bot.SayEachAsync("go first", "red");

        var replies = await bot.SayAsync(answer);

        Assert.Equal("Pick a colour.", replies.Single().Text);
    }

    [Fact]
    public async Task A_number_outside_its_range_is_asked_again_with_the_range()
    {
        using var bot = await NewHarness().WelcomedAsync();
        await bot.SayEachAsync("go first", "red", "yes");

        var retry = await bot.SayAsync("9");
        var next = await bot.SayAsync("four");

        Assert.Equal("Please answer with a whole number from 1 to 5. How many?", retry.Single().Text);
        Assert.Equal("Your name?", next.Single().Text);
        Assert.Equal("4", (await bot.StateAsync()).Active!.Values["count"]);
    }

    [Fact]
    public async Task A_text_answer_longer_than_allowed_is_asked_again()
    {
        using var bot = await NewHarness().WelcomedAsync();
        await bot.SayEachAsync("go first", "red", "yes", "2");

        var retry = await bot.SayAsync("A name far longer than ten characters");
        var next = await bot.SayAsync("  Sam  ");

        Assert.StartsWith("Please type an answer of up to 10 characters.", retry.Single().Text, StringComparison.Ordinal);
        Assert.Equal("When?", next.Single().Text);
        Assert.Equal("Sam", (await bot.StateAsync()).Active!.Values["name"]);
    }

    [Fact]
    public async Task A_completed_dialog_fills_placeholders_runs_its_action_and_forgets_its_answers()
    {
        using var bot = await NewHarness().WelcomedAsync();
        await bot.SayEachAsync("go first", "red", "yes", "2", "Sam");

        var replies = await bot.SayAsync("8:30am");

        Assert.Equal("Sam: red x2 at 08:30.", replies.Single().Text);
        var state = await bot.StateAsync();
        Assert.Empty(state.Stack);
        var user = await bot.Users.FindAsync(bot.UserKey, CancellationToken.None);
        Assert.Equal("08:30", user!.Preferences[PreferenceNames.WorkdayStart]);
    }

    [Fact]
    public async Task An_unrecognised_answer_is_asked_again_and_the_third_ends_the_dialog_with_help()
    {
        using var bot = await NewHarness().WelcomedAsync();
        await bot.SayAsync("go first");

        var first = await bot.SayAsync("banana");
        var second = await bot.SayAsync("banana");
        Assert.Equal(2, (await bot.StateAsync()).Active!.Attempts);
        var third = await bot.SayAsync("banana");

        Assert.Equal("Sorry, I didn't catch that. Pick one of the options, or type its number. Pick a colour.", first.Single().Text);
        Assert.Equal(3, first.Single().Choices.Count);
        Assert.Equal(first.Single().Text, second.Single().Text);
        Assert.Equal(["Giving up.", "Help text."], third.Select(r => r.Text));
        Assert.Empty((await bot.StateAsync()).Stack);
    }

    [Fact]
    public async Task A_recognised_answer_resets_the_attempt_count()
    {
        using var bot = await NewHarness().WelcomedAsync();
        await bot.SayEachAsync("go first", "banana", "banana", "red");

        await bot.SayAsync("banana");
        var replies = await bot.SayAsync("banana");

        Assert.Equal("Sorry, I didn't catch that. Please answer yes or no. You picked red. Sure?", replies.Single().Text);
    }

    [Fact]
    public async Task Help_interrupts_a_question_and_then_asks_it_again()
    {
        using var bot = await NewHarness().WelcomedAsync();
        await bot.SayEachAsync("go first", "red");

        var replies = await bot.SayAsync("Help?");

        Assert.Equal(["Help text.", "You picked red. Sure?"], replies.Select(r => r.Text));
        var state = await bot.StateAsync();
        Assert.Equal("first", state.Active!.DialogId);
        Assert.Equal("red", state.Active.Values["colour"]);
        Assert.Equal("How many?", (await bot.SayAsync("yes")).Single().Text);
    }

    [Fact]
    public async Task Cancel_ends_every_dialog_and_drops_the_answers()
    {
        using var bot = await NewHarness().WelcomedAsync();
        await bot.SayEachAsync("go first", "red");

        var replies = await bot.SayAsync("cancel");

        Assert.Equal("Cancelled.", replies.Single().Text);
        Assert.Empty((await bot.StateAsync()).Stack);
    }

    [Fact]
    public async Task Start_over_begins_the_outermost_dialog_again()
    {
        using var bot = await NewHarness().WelcomedAsync();
        await bot.SayEachAsync("go first", "red");

        var replies = await bot.SayAsync("start over");

        Assert.Equal(["Hello Robin.", "Pick a colour."], replies.Select(r => r.Text));
        var frame = Assert.Single((await bot.StateAsync()).Stack);
        Assert.Empty(frame.Values);
    }

    [Fact]
    public async Task Menu_replaces_whatever_was_going_on_with_the_menu()
    {
        using var bot = await NewHarness().WelcomedAsync();
        await bot.SayAsync("go first");

        var replies = await bot.SayAsync("menu");

        Assert.Equal("Menu?", replies.Single().Text);
        Assert.Equal("menu", Assert.Single((await bot.StateAsync()).Stack).DialogId);
    }

    [Fact]
    public async Task A_goto_to_another_dialog_replaces_the_current_one()
    {
        const string hop = """

            ---
            id: hop
            triggers: [hop]
            steps:
              - id: away
                goto: dialog:first
            """;
        using var bot = await NewHarness(FirstDialog + hop).WelcomedAsync();

        var replies = await bot.SayAsync("hop");

        Assert.Equal(["Hello Robin.", "Pick a colour."], replies.Select(r => r.Text));
        Assert.Equal("first", Assert.Single((await bot.StateAsync()).Stack).DialogId);
    }

    [Fact]
    public async Task A_called_dialog_returns_to_its_caller_which_carries_on()
    {
        const string yaml = """
            id: caller
            triggers: [call it]
            steps:
              - id: before
                say: Before.
              - id: call
                goto: dialog:callee
                call: true
              - id: after
                say: Back in the caller.
              - id: done
                end: true
            ---
            id: callee
            steps:
              - id: question
                ask: confirm
                text: Inner question?
              - id: done
                end: true
            """;
        using var bot = await NewHarness(yaml).WelcomedAsync();

        var begin = await bot.SayAsync("call it");
        Assert.Equal(["caller", "callee"], (await bot.StateAsync()).Stack.Select(f => f.DialogId));
        var end = await bot.SayAsync("yes");

        Assert.Equal(["Before.", "Inner question?"], begin.Select(r => r.Text));
        Assert.Equal("Back in the caller.", end.Single().Text);
        Assert.Empty((await bot.StateAsync()).Stack);
    }

    [Fact]
    public async Task A_goto_to_a_step_jumps_within_the_dialog()
    {
        const string yaml = """
            id: jumper
            triggers: [jump]
            steps:
              - id: start
                goto: landing
              - id: skipped
                say: Never said.
              - id: landing
                say: Landed.
              - id: done
                end: true
            """;
        var (dialogs, problems) = TestDialogs.Parse(TestDialogs.SystemDialogsYaml + "\n---\n" + yaml);
        Assert.Empty(problems);
        var validation = DialogValidator.Validate(dialogs, BuiltInActions.Create());
        Assert.Contains(validation, p => p.Message.Contains("'skipped' can never be reached", StringComparison.Ordinal));

        using var bot = new EngineHarness(new DialogCatalog(dialogs, BuiltInActions.Create(), TestDialogs.RealUnderstanding.Value));
        await bot.StartAsync();
        Assert.Equal("Landed.", (await bot.SayAsync("jump")).Single().Text);
    }

    [Fact]
    public async Task A_redelivered_activity_is_processed_once()
    {
        using var bot = await NewHarness().WelcomedAsync();
        await bot.SayAsync("go first");

        var first = await bot.SayAsync("red", activityId: "teams-retry-1");
        var again = await bot.SayAsync("red", activityId: "teams-retry-1");

        Assert.Single(first);
        Assert.Empty(again);
        Assert.Equal("sure", (await bot.StateAsync()).Active!.StepId);
    }

    [Fact]
    public async Task The_first_message_of_a_new_conversation_gets_the_welcome_once()
    {
        using var bot = NewHarness();

        var first = await bot.SayAsync("hi");
        var started = await bot.StartAsync();
        var second = await bot.SayAsync("hi");

        Assert.Equal("Welcome!", first.Single().Text);
        Assert.Empty(started);
        Assert.Equal("Menu?", second.Single().Text);
    }

    [Fact]
    public async Task A_first_message_that_asks_for_something_gets_the_welcome_notices_and_then_its_answer()
    {
        using var bot = NewHarness();

        var first = await bot.SayAsync("colours please");
        var second = await bot.SayAsync("red");

        Assert.Equal(["Welcome!", "Hello Robin.", "Pick a colour."], first.Select(r => r.Text));
        Assert.Equal("You picked red. Sure?", second.Single().Text);
    }

    [Fact]
    public async Task A_command_from_the_channels_menu_leaves_the_open_question_instead_of_answering_it()
    {
        using var bot = await NewHarness().WelcomedAsync();
        await bot.SayAsync("go first");

        await bot.SayAsync("pause for today");
        var typedKeepsTheQuestion = (await bot.StateAsync()).Active?.StepId;
        await bot.Engine.HandleAsync(bot.Message("pause for today", "command-1") with { IsCommand = true }, CancellationToken.None);

        Assert.Equal("colour", typedKeepsTheQuestion);
        Assert.Null((await bot.StateAsync()).Active);
    }

    [Fact]
    public async Task A_trigger_phrase_typed_instead_of_an_answer_switches_to_that_dialog()
    {
        using var bot = await NewHarness().WelcomedAsync();
        await bot.SayAsync("hello");

        var replies = await bot.SayAsync("colours please");

        Assert.Equal(["Hello Robin.", "Pick a colour."], replies.Select(r => r.Text));
        Assert.Equal(0, (await bot.StateAsync()).Active!.Attempts);
    }

    [Fact]
    public async Task State_left_by_a_dialog_that_no_longer_exists_is_dropped_instead_of_failing()
    {
        using var bot = await NewHarness().WelcomedAsync();
        var state = await bot.StateAsync();
        state.Stack.Add(new DialogFrame { DialogId = "removed_dialog", StepId = "gone" });
        await bot.States.SaveAsync(state, CancellationToken.None);

        var replies = await bot.SayAsync("hello");

        Assert.Equal("Menu?", replies.Single().Text);
        Assert.Equal("menu", Assert.Single((await bot.StateAsync()).Stack).DialogId);
    }

    [Fact]
    public async Task State_is_stamped_with_the_injected_clock()
    {
        using var bot = await NewHarness().WelcomedAsync();
        bot.Time.Advance(TimeSpan.FromMinutes(42));

        await bot.SayAsync("hello");

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 42, 0, TimeSpan.Zero), (await bot.StateAsync()).UpdatedUtc);
    }

    [Fact]
    public async Task Turns_of_one_conversation_never_run_at_the_same_time()
    {
        var probe = new ConcurrencyProbeAction();
        const string yaml = """
            id: probe
            triggers: [probe]
            steps:
              - id: run
                action: concurrency_probe
              - id: done
                end: true
            """;
        using var bot = await NewHarness(yaml, probe).WelcomedAsync();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => bot.SayAsync("probe", $"p{i}"))));

        Assert.Equal(40, probe.Runs);
        Assert.Equal(1, probe.MostAtOnce);
        Assert.Equal(32, (await bot.StateAsync()).RecentActivityIds.Count);
    }

    [Fact]
    public async Task Turns_of_different_conversations_do_not_wait_for_each_other()
    {
        var probe = new ConcurrencyProbeAction(holdUntilOthersArrive: 2);
        const string yaml = """
            id: probe
            triggers: [probe]
            steps:
              - id: run
                action: concurrency_probe
              - id: done
                end: true
            """;
        var catalog = TestDialogs.Catalog(yaml, probe);
        using var alice = new EngineHarness(catalog) { ConversationKey = "test:alice", UserKey = "test:alice" };
        await alice.StartAsync();
        await alice.Engine.HandleAsync(alice.Message(null, null) with { Kind = TurnKind.ConversationStarted, ConversationKey = "test:bob", UserKey = "test:bob" }, CancellationToken.None);

        var both = Task.WhenAll(
            alice.SayAsync("probe"),
            alice.Engine.HandleAsync(alice.Message("probe", null) with { ConversationKey = "test:bob", UserKey = "test:bob" }, CancellationToken.None));

        // Each run waits until two runs are inside at once: this only completes if the conversations run in parallel.
        await both.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, probe.MostAtOnce);
    }

    [Fact]
    public async Task Emergency_words_stop_any_dialog_and_give_the_emergency_number_at_once()
    {
        using var bot = await NewHarness().WelcomedAsync();
        await bot.SayEachAsync("go first", "red");

        var replies = await bot.SayAsync("actually I have chest pain right now");

        Assert.Equal("Call 999 (or 112) now.", replies.Single().Text);
        Assert.Empty((await bot.StateAsync()).Stack);
    }

    [Fact]
    public async Task Crisis_language_gets_the_crisis_line_and_emergency_number_even_before_the_welcome()
    {
        using var bot = NewHarness();

        var replies = await bot.SayAsync("I want to end my life");

        Assert.Equal(
            "Crisis line Samaritans on 116 123 (free, 24/7); emergency 999 (or 112); doctor NHS 111 (NHS 24 on 111 in Scotland) or an urgent GP appointment.",
            replies.Single().Text);
        Assert.Equal("Menu?", (await bot.SayAsync("ok")).Single().Text);
    }

    [Fact]
    public async Task Without_a_known_country_the_user_is_told_to_call_their_local_emergency_number()
    {
        using var bot = new EngineHarness(TestDialogs.Catalog(FirstDialog), defaultCountry: null);
        await bot.StartAsync();

        var replies = await bot.SayAsync("my face dropped and my speech is slurred");

        Assert.Equal("Call your local emergency number now.", replies.Single().Text);
    }

    [Fact]
    public async Task A_country_the_user_chose_gives_that_countrys_numbers()
    {
        using var bot = await NewHarness().WelcomedAsync();
        var user = new UserRecord { Key = bot.UserKey, FirstSeenUtc = default, Preferences = { [PreferenceNames.Country] = "DE" } };
        await bot.Users.SaveAsync(user, CancellationToken.None);

        var replies = await bot.SayAsync("I can't breathe");

        Assert.Equal("Call 112 now.", replies.Single().Text);
    }

    /// <summary>A test action that counts how many turns are inside it at once.</summary>
    private sealed class ConcurrencyProbeAction(int holdUntilOthersArrive = 1) : IDialogAction
    {
        private readonly TaskCompletionSource _enoughArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inside;
        private int _runs;
        private int _mostAtOnce;

        public string Name => "concurrency_probe";

        public IReadOnlyList<DialogActionParameter> Parameters => [];

        public IReadOnlyList<string> Outputs => [];

        public int Runs => _runs;

        public int MostAtOnce => _mostAtOnce;

        public IEnumerable<string> ValidateArguments(IReadOnlyDictionary<string, string> args, IReadOnlySet<string> definedValues) => [];

        public async ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inside);
            Interlocked.Increment(ref _runs);
            InterlockedMax(ref _mostAtOnce, now);
            if (now >= holdUntilOthersArrive)
            {
                _enoughArrived.TrySetResult();
            }

            if (holdUntilOthersArrive > 1)
            {
                await _enoughArrived.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            }
            else
            {
                await Task.Yield();
            }

            Interlocked.Decrement(ref _inside);
            return DialogActionResult.Continue;
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
