namespace BalanceBot.Exercises;

/// <summary><c>GET /exercises/{id}.png</c>: an exercise's picture, cacheable for a day and revalidated by ETag.</summary>
internal static class ExercisePictureEndpoint
{
    /// <summary>Pictures change only with a new exercises.yaml, which needs a restart: a day is safe, the ETag catches the rest.</summary>
    private const string CachePolicy = "public, max-age=86400";

    public static IHostApplicationBuilder AddExercisePictures(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ExercisePictures>();
        return builder;
    }

    public static IEndpointRouteBuilder MapExercisePictures(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExercisePictures.PathTemplate, (string id, ExercisePictures pictures, HttpContext http) =>
        {
            if (pictures.Find(id) is not { } picture)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = CachePolicy;
            http.Response.Headers.ETag = picture.ETag;
            if (http.Request.Headers.IfNoneMatch.Contains(picture.ETag))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Bytes(picture.Png, "image/png");
        });
        return endpoints;
    }
}
