using System.Net;

namespace BalanceBot.Tests.Hosting;

public sealed class SafetyContactsTests
{
    [Fact]
    public async Task The_deployments_default_country_gives_the_emergency_number_in_the_real_dialog()
    {
        await using var bot = await BotServer.StartAsync(new Dictionary<string, string?> { ["Safety:DefaultCountry"] = "US" });

        var response = await bot.PostAsync(bot.Message("I think I'm having a heart attack", "e1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await bot.Connector.TakeAsync(1));
        Assert.Contains("**If this is happening now, call 911 now**", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Don't drive yourself.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_country_can_be_added_and_used_as_the_default()
    {
        await using var bot = await BotServer.StartAsync(new Dictionary<string, string?>
        {
            ["Safety:DefaultCountry"] = "IE",
            ["Safety:Countries:IE:Emergency"] = "112 or 999",
            ["Safety:Countries:IE:UrgentHelp"] = "your GP or an out-of-hours GP service",
            ["Safety:Countries:IE:CrisisLine"] = "Samaritans on 116 123 (free, 24/7)",
        });

        await bot.PostAsync(bot.Message("I want to hurt myself", "c1"));

        var reply = Assert.Single(await bot.Connector.TakeAsync(1)).Text!;
        Assert.Contains("call 112 or 999 now", reply, StringComparison.Ordinal);
        Assert.Contains("Samaritans on 116 123 (free, 24/7)", reply, StringComparison.Ordinal);
        Assert.Contains("your GP or an out-of-hours GP service", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_country_configured_the_user_is_told_to_call_their_local_emergency_number()
    {
        await using var bot = await BotServer.StartAsync();

        await bot.PostAsync(bot.Message("I can't breathe", "e1"));

        Assert.Contains("call your local emergency number now", Assert.Single(await bot.Connector.TakeAsync(1)).Text, StringComparison.Ordinal);
    }
}
