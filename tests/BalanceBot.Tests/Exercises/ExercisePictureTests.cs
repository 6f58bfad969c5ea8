using System.Net;
using System.Net.Http.Headers;
using BalanceBot.Core;
using BalanceBot.Core.Conversations;
using BalanceBot.Exercises;
using SkiaSharp;

namespace BalanceBot.Tests.Exercises;

/// <summary>Issue 18: every exercise's picture is drawn, served, and shown in Teams cards and Discord embeds.</summary>
public sealed class ExercisePictureTests
{
    private static readonly DialogCatalog Catalog = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create());

    /// <summary>Teams caps a whole message near 28 KB; the data URI must leave room for the text and buttons.</summary>
    private const int MaxDataUriBytes = 14 * 1024;

    [Fact]
    public void Every_exercise_renders_two_different_frames_at_the_expected_size()
    {
        Assert.True(Catalog.Exercises.All.Count >= 40);
        Assert.All(Catalog.Exercises.All, exercise =>
        {
            var png = ExercisePictureRenderer.Render(exercise.Picture);
            using var bitmap = SKBitmap.Decode(png);
            Assert.NotNull(bitmap);
            Assert.Equal((640, 320), (bitmap.Width, bitmap.Height));

            // The two panels (start and end) each hold a figure, and they are not the same picture.
            var left = Panel(bitmap, 0);
            var right = Panel(bitmap, bitmap.Width - 280);
            Assert.True(left.Distinct().Count() > 3, exercise.Id + ": the start panel is empty");
            var different = left.Zip(right).Count(p => p.First != p.Second);
            Assert.True(different > 200, $"{exercise.Id}: the two frames differ in only {different} pixels");

            var small = ExercisePictureRenderer.Render(exercise.Picture, ExercisePictureRenderer.Small);
            Assert.True(small.Length * 4 / 3 < MaxDataUriBytes, $"{exercise.Id}: the small picture is {small.Length} bytes");
        });
    }

    [Fact]
    public async Task The_picture_is_served_cacheable_with_an_etag_and_unknown_ids_are_not_found()
    {
        await using var bot = await BotServer.StartAsync();

        using var first = await bot.Http.GetAsync("/exercises/chin_tuck.png");
        var etag = first.Headers.ETag;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/exercises/chin_tuck.png");
        again.Headers.IfNoneMatch.Add(etag!);
        using var revalidated = await bot.Http.SendAsync(again);
        using var unknown = await bot.Http.GetAsync("/exercises/no_such_exercise.png");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/png", first.Content.Headers.ContentType?.MediaType);
        Assert.True(first.Headers.CacheControl is { Public: true, MaxAge: not null });
        Assert.NotNull(etag);
        Assert.NotNull(SKBitmap.Decode(await first.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://bot.example.com/coach")]
    public async Task A_Teams_exercise_is_a_card_with_the_picture_by_url_or_as_small_data(string? publicUrl)
    {
        await using var bot = await BotServer.StartAsync(publicUrl is null ? null : new Dictionary<string, string?> { ["Privacy:PublicUrl"] = publicUrl });
        await bot.PostAsync(bot.Message("hi", "p1"));
        bot.Connector.Drain();

        await bot.PostAsync(bot.Message("stretch neck", "p2"));

        var card = Assert.Single(bot.Connector.Drain(), a => a.CardBody.Any(e => e?["type"]?.GetValue<string>() == "Image"));
        var image = card.CardBody.Single(e => e?["type"]?.GetValue<string>() == "Image")!;
        var url = image["url"]!.GetValue<string>();
        var id = Catalog.Exercises.All.Single(e => url.Contains(e.Id, StringComparison.Ordinal) || image["altText"]!.GetValue<string>() == e.Picture.Alt).Id;
        Assert.Equal(Catalog.Exercises.Find(id)!.Picture.Alt, image["altText"]!.GetValue<string>());
        if (publicUrl is null)
        {
            Assert.StartsWith("data:image/png;base64,", url, StringComparison.Ordinal);
            Assert.True(url.Length < MaxDataUriBytes, $"{url.Length} characters");
        }
        else
        {
            Assert.Equal($"{publicUrl}/exercises/{id}.png", url);
        }

        Assert.Contains(card.Buttons, b => b == Catalog.Exercises.Wording["more"]);
    }

    [Fact]
    public void The_terminal_chat_shows_the_alt_text()
    {
        var exercise = Catalog.Exercises.All[0];
        var reply = Reply.Say("text") with { Picture = new ReplyPicture(exercise.Id, exercise.Picture.Alt) };

        Assert.Contains(exercise.Picture.Alt, BalanceBot.Channels.Console.ConsoleChat.Render(reply), StringComparison.Ordinal);
    }

    private static List<SKColor> Panel(SKBitmap bitmap, int left)
    {
        var pixels = new List<SKColor>();
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = left; x < left + 280; x += 2)
            {
                pixels.Add(bitmap.GetPixel(x, y));
            }
        }

        return pixels;
    }
}
