using System.Collections.Concurrent;
using System.Security.Cryptography;
using BalanceBot.Core.Conversations;
using BalanceBot.Hosting;
using Microsoft.Extensions.Options;

namespace BalanceBot.Exercises;

/// <summary>
/// Every exercise's picture, drawn once and kept: at full size for <c>/exercises/{id}.png</c> and small enough to
/// travel inside a Teams message as a data URI when the server has no public address (Privacy:PublicUrl).
/// </summary>
internal sealed class ExercisePictures(DialogCatalog catalog, IOptions<PrivacyOptions> privacy)
{
    public const string PathTemplate = "/exercises/{id}.png";

    private readonly ConcurrentDictionary<(string Id, float Size), (byte[] Png, string ETag)> _drawn = new();

    /// <summary>The PNG and its entity tag, or null for an id that is not an exercise.</summary>
    public (byte[] Png, string ETag)? Find(string id, float size = ExercisePictureRenderer.Full)
    {
        if (catalog.Exercises.Find(id) is not { } exercise)
        {
            return null;
        }

        return _drawn.GetOrAdd((exercise.Id, size), key =>
        {
            var png = ExercisePictureRenderer.Render(exercise.Picture, key.Size);
            return (png, "\"" + Convert.ToHexStringLower(SHA256.HashData(png).AsSpan(0, 12)) + "\"");
        });
    }

    /// <summary>Where users' chat apps can fetch the picture, or null when the server has no public address.</summary>
    public Uri? PublicUrl(ReplyPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        // Appended, not resolved: a public URL with a path (https://host/coach) keeps it.
        return privacy.Value.PublicBaseUri is { } root
            ? new Uri(root.AbsoluteUri.TrimEnd('/') + PathTemplate.Replace("{id}", Uri.EscapeDataString(picture.ExerciseId), StringComparison.Ordinal))
            : null;
    }

    /// <summary>The public address, or else the small picture as a data URI (Teams accepts them in cards).</summary>
    public string? CardImageUrl(ReplyPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        return PublicUrl(picture)?.AbsoluteUri
            ?? (Find(picture.ExerciseId, ExercisePictureRenderer.Small) is { } small ? "data:image/png;base64," + Convert.ToBase64String(small.Png) : null);
    }
}
