using BalanceBot.Core.Broadcasts;

namespace BalanceBot.Tests.Admin;

/// <summary>Issue 14 §5: in local mode nothing is authenticated, so a configured Teams admin id grants nothing.</summary>
public sealed class LocalModeAdminTests
{
    private const string WellnessLead = "6c1d7a70-1111-4222-8333-944455556666";

    [Fact]
    public async Task In_local_mode_a_post_as_a_configured_Teams_admin_is_refused_the_broadcast_and_start_up_says_why()
    {
        var logs = new CapturedLogs();
        await using var bot = await BotServer.StartAsync(new Dictionary<string, string?> { ["Admin:TeamsAdmins:0"] = WellnessLead }, logs);
        var hello = bot.Message("hi", "l1");
        hello["from"]!["aadObjectId"] = WellnessLead;
        (await bot.PostAsync(hello)).Dispose();
        bot.Connector.Drain();

        var broadcast = bot.Message("broadcast", "l2");
        broadcast["from"]!["aadObjectId"] = WellnessLead;
        (await bot.PostAsync(broadcast)).Dispose();

        Assert.Equal(RequireAdminAction.Refusal, Assert.Single(bot.Connector.Drain()).Text);
        Assert.Contains(logs.Entries, entry => entry.Contains("Admin:TeamsAdmins", StringComparison.Ordinal) && entry.Contains("ignored", StringComparison.Ordinal));
    }
}
