using BalanceBot.Core.Checkup;
using BalanceBot.Core.Users;

namespace BalanceBot.Core.Tests.Conversations;

public sealed class SafetyScanTests
{
    private static SafetyConcern Scan(string? text) => TestDialogs.RealUnderstanding.Value.Understand(text).Safety;

    [Theory]
    [InlineData("I have chest pain")]
    [InlineData("Chest pain and my left arm hurts!")]
    [InlineData("there's a crushing pain in my chest")]
    [InlineData("I can't breathe properly")]
    [InlineData("I can’t breathe")]
    [InlineData("my face is drooping on one side")]
    [InlineData("my speech is slurred")]
    [InlineData("back pain and I can't pee")]
    [InlineData("I lost control of my bladder")]
    [InlineData("numbness between my legs since yesterday")]
    [InlineData("my legs ache after the gym and I have dark urine")]
    [InlineData("I think I'm having a stroke")]
    public void Emergency_words_are_found_anywhere_in_a_message(string text) =>
        Assert.Equal(SafetyConcern.Emergency, Scan(text));

    [Theory]
    [InlineData("I want to die")]
    [InlineData("honestly I just want to kill myself")]
    [InlineData("I've been thinking about suicide")]
    [InlineData("I hurt myself last night")]
    [InlineData("self-harm")]
    [InlineData("I have been self-harming again")]
    [InlineData("everyone would be better off without me")]
    [InlineData("I don't want to live like this, and I have chest pain")]
    public void Crisis_language_is_found_and_wins_over_emergency_words(string text) =>
        Assert.Equal(SafetyConcern.Crisis, Scan(text));

    [Theory]
    [InlineData("my neck hurts")]
    [InlineData("stretch")]
    [InlineData("I'm dying to try the new stretch")]
    [InlineData("the chest stretch was great")]
    [InlineData("I painted my shed")]
    [InlineData("")]
    [InlineData(null)]
    public void Everyday_messages_raise_no_concern(string? text) =>
        Assert.Equal(SafetyConcern.None, Scan(text));

    [Fact]
    public void The_users_own_country_wins_then_the_deployment_default_then_the_fallback()
    {
        var directory = new SafetyContactDirectory(SafetyContactDirectory.BuiltIn, "GB");
        var nobody = new UserRecord { Key = "u", FirstSeenUtc = default };
        var german = new UserRecord { Key = "d", FirstSeenUtc = default, Preferences = { [PreferenceNames.Country] = "DE" } };
        var elsewhere = new UserRecord { Key = "e", FirstSeenUtc = default, Preferences = { [PreferenceNames.Country] = "other" } };

        Assert.Equal("999 (or 112)", directory.For(nobody).Emergency);
        Assert.Equal("112", directory.For(german).Emergency);
        Assert.Same(SafetyContactDirectory.Fallback, directory.For(elsewhere));
        Assert.Same(SafetyContactDirectory.Fallback, new SafetyContactDirectory(SafetyContactDirectory.BuiltIn, null).For(nobody));
        Assert.Equal("the 988 Suicide & Crisis Lifeline (call or text 988)", directory.For(new UserRecord { Key = "us", FirstSeenUtc = default, Preferences = { [PreferenceNames.Country] = "US" } }).CrisisLine);
    }

    [Fact]
    public void A_default_country_without_contacts_is_refused() =>
        Assert.Throws<ArgumentException>(() => new SafetyContactDirectory(SafetyContactDirectory.BuiltIn, "FR"));
}
