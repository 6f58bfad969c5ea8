using System.Net;
using System.Text.Json.Nodes;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Privacy;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;

namespace BalanceBot.Tests.Hosting;

/// <summary>Issue 8: "export my data" gives a one-use, short-lived link to everything stored about the user as JSON.</summary>
public sealed class DataExportTests
{
    private const string PublicUrl = "https://bot.example.com/coach";

    [Fact]
    public async Task The_link_downloads_everything_about_the_user_once_and_its_secret_is_never_logged()
    {
        var logs = new CapturedLogs();
        await using var bot = await BotServer.StartAsync(new Dictionary<string, string?> { ["Privacy:PublicUrl"] = PublicUrl }, logs);
        await bot.PostAsync(bot.Message("hi", "e1"));
        var users = bot.App.Services.GetRequiredService<IUserStore>();
        var user = (await users.FindAsync("msteams:29:uniqueId", CancellationToken.None))!;
        user.CheckupHistory.Add(new CheckupRecord("wrist_hand", TriageLevel.GpSoon, new DateOnly(2026, 2, 27)));
        user.Preferences[PreferenceNames.Tags] = "Lighthouse-team";
        user.Preferences[PreferenceNames.PreferredName] = "Kim"; // two or more preferences once broke the export (500)
        await users.SaveAsync(user, CancellationToken.None);
        var subscription = new ReminderSubscription { UserKey = user.Key, Schedule = ReminderSchedule.Default("Europe/Berlin") };
        await bot.App.Services.GetRequiredService<IReminderStore>().SaveAsync(subscription, CancellationToken.None);
        bot.Connector.Drain();

        await bot.PostAsync(bot.Message("export my data", "e2"));
        var reply = Assert.Single(bot.Connector.Drain()).Text!;
        var link = new Uri(reply.Split(' ', '\n').Single(w => w.StartsWith(PublicUrl, StringComparison.Ordinal)));
        Assert.Equal("/coach/api/mydata", link.AbsolutePath);
        Assert.Contains("works once, for the next 15 minutes", reply, StringComparison.Ordinal);

        using var download = await bot.Http.GetAsync("/api/mydata" + link.Query);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename=\"balancebot-my-data.json\"", download.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal("no-store", download.Headers.CacheControl?.ToString());
        var data = JsonNode.Parse(await download.Content.ReadAsStringAsync())!;
        Assert.Equal(user.Key, data["profile"]!["key"]!.GetValue<string>());
        Assert.Equal("wrist_hand", data["profile"]!["keptCheckups"]![0]!["area"]!.GetValue<string>());
        Assert.Equal("Lighthouse-team", data["profile"]!["preferences"]!["tags"]!.GetValue<string>());
        Assert.Equal(user.Key, data["reminders"]!["_id"]!.GetValue<string>());
        Assert.NotNull(data["conversation"]);
        Assert.Equal("botframework", data["profile"]!["address"]!["channel"]!.GetValue<string>());

        // Once only.
        using var again = await bot.Http.GetAsync("/api/mydata" + link.Query);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("export my data", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var secret = link.Query["?link=".Length..];
        Assert.DoesNotContain(logs.Entries, e => e.Contains(secret, StringComparison.Ordinal) && !e.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Contains("Data export downloaded by msteams:29:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expired_or_made_up_link_gets_404_and_without_a_public_address_the_user_is_told_why()
    {
        await using var bot = await BotServer.StartAsync(new Dictionary<string, string?> { ["Privacy:PublicUrl"] = PublicUrl });
        var link = bot.App.Services.GetRequiredService<IUserDataExport>().CreateLink("msteams:29:someone", "msteams:a:someone")!;
        bot.Time.Advance(TimeSpan.FromMinutes(15));

        using var expired = await bot.Http.GetAsync("/api/mydata" + link.Url.Query);
        using var madeUp = await bot.Http.GetAsync("/api/mydata?link=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        using var none = await bot.Http.GetAsync("/api/mydata");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { expired.StatusCode, madeUp.StatusCode, none.StatusCode });

        await using var unconfigured = await BotServer.StartAsync();
        await unconfigured.PostAsync(unconfigured.Message("hi", "u1"));
        unconfigured.Connector.Drain();
        await unconfigured.PostAsync(unconfigured.Message("export my data", "u2"));
        Assert.Equal(ExportUserDataAction.NotAvailable, Assert.Single(unconfigured.Connector.Drain()).Text);
    }

    [Fact]
    public async Task A_public_address_that_is_not_an_http_URL_stops_start_up_naming_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotServer.StartAsync(new Dictionary<string, string?> { ["Privacy:PublicUrl"] = "bot.example.com" }));
        Assert.Contains("Privacy:PublicUrl", error.Message, StringComparison.Ordinal);
    }
}
