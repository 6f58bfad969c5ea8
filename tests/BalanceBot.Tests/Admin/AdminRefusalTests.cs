using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BalanceBot.Admin;

namespace BalanceBot.Tests.Admin;

/// <summary>Issue 14 §10: the admin key is checked before the body is parsed, and refusals are audited without the key.</summary>
public sealed class AdminRefusalTests
{
    [Theory]
    [InlineData("malformed JSON", "application/json", "{not json")]
    [InlineData("wrong content type", "text/plain", "hello")]
    [InlineData("JSON of the wrong shape", "application/json", "[1,2,3]")]
    public async Task Without_a_key_any_body_gets_401_and_the_refusal_is_audited_as_anonymous(string _, string contentType, string body)
    {
        await using var bot = await BotServer.StartAsync(new Dictionary<string, string?> { ["Admin:ApiKeySha256:0"] = AdminApiKeys.NewKey().Sha256 });
        using var response = await bot.Http.PostAsync("/api/admin/broadcasts", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var entry = Assert.Single(bot.Database.Database.GetCollection("audit").FindAll());
        Assert.Equal("anonymous", entry["who"].AsString);
        Assert.Equal("admin.refused", entry["action"].AsString);
    }

    [Fact]
    public async Task A_wrong_key_is_audited_by_its_first_characters_only()
    {
        await using var bot = await BotServer.StartAsync(new Dictionary<string, string?> { ["Admin:ApiKeySha256:0"] = AdminApiKeys.NewKey().Sha256 });
        var wrong = AdminApiKeys.NewKey().Key;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/broadcasts");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", wrong);

        using var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var who = Assert.Single(bot.Database.Database.GetCollection("audit").FindAll())["who"].AsString;
        Assert.StartsWith("key " + wrong[..6], who, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, who, StringComparison.Ordinal);
        Assert.True(who.Length < 16);
    }
}
