using System.Numerics;
using BalanceBot.Core.Exercises;
using SkiaSharp;

namespace BalanceBot.Exercises;

/// <summary>
/// Draws an exercise's picture as one PNG: the start position, an arrow, and the end position, with the start shown
/// faintly behind the end and the parts that move in the accent colour, so the movement reads at a glance. No text
/// is drawn: every word a user reads lives in dialogs/ (the alt text goes with the picture).
/// </summary>
internal static class ExercisePictureRenderer
{
    /// <summary>The full-size picture (about 640 by 320 pixels); <see cref="Small"/> fits inside a Teams message as data.</summary>
    public const float Full = 1f;
    public const float Small = 0.5f;

    private const float PanelWidth = 280, PanelHeight = 320, Gap = 80, Margin = 18, MaxUnitsToPixels = 2.9f;

    private static readonly SKColor Background = new(0xF6, 0xF8, 0xFB);
    private static readonly SKColor PanelFill = SKColors.White;
    private static readonly SKColor NearColour = new(0x1F, 0x4E, 0x79);
    private static readonly SKColor FarColour = new(0x8D, 0xAE, 0xD0);
    private static readonly SKColor Accent = new(0xE0, 0x6C, 0x1A);
    private static readonly SKColor FarAccent = new(0xF2, 0xB0, 0x7E);
    private static readonly SKColor Ghost = new(0xDD, 0xE3, 0xEA);
    private static readonly SKColor Furniture = new(0xA8, 0x94, 0x7C);
    private static readonly SKColor FloorColour = new(0xB8, 0xC2, 0xCC);
    private static readonly SKColor WallColour = new(0xC9, 0xCF, 0xD6);

    /// <summary>A segment whose direction turns by at least this much is part of the movement.</summary>
    private const double MovedDegrees = 8;

    public static byte[] Render(ExercisePicture picture, float size = Full)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var start = PoseGeometry.Pose(picture.Start, picture.View);
        var end = PoseGeometry.Pose(picture.End, picture.View);
        var wallX = picture.Wall ? start.Segments.Where(s => s.Name.EndsWith("_hand", StringComparison.Ordinal)).Max(s => Math.Max(s.From.X, s.To.X)) + 2.5f : (float?)null;
        var moved = Moved(start, end);

        var width = (int)Math.Round((PanelWidth * 2 + Gap) * size);
        var height = (int)Math.Round(PanelHeight * size);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface");
        var canvas = surface.Canvas;
        canvas.Clear(Background);
        canvas.Scale(size);

        var transform = Fit(start, end, wallX, picture);
        DrawPanel(canvas, 0, transform, picture, wallX, start, ghost: null, moved: []);
        DrawArrow(canvas, PanelWidth + Gap / 2);
        DrawPanel(canvas, PanelWidth + Gap, transform, picture, wallX, end, ghost: start, moved);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static HashSet<string> Moved(PosedFigure start, PosedFigure end)
    {
        var moved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (a, b) in start.Segments.Zip(end.Segments))
        {
            var turn = Math.Abs(Angle(a.To - a.From) - Angle(b.To - b.From));
            turn = Math.Min(turn, 360 - turn);
            if (turn >= MovedDegrees)
            {
                moved.Add(a.Name);
            }
        }

        if (start.Posture != end.Posture || Vector2.Distance(start.Hip, end.Hip) > 4)
        {
            moved.Add("trunk");
        }

        return moved;

        static double Angle(Vector2 v) => Math.Atan2(v.Y, v.X) * 180 / Math.PI + 180;
    }

    /// <summary>One scale and offset for both frames, so they compare: everything fits, the floor at the bottom.</summary>
    private static (float Scale, float OffsetX, float FloorY) Fit(PosedFigure start, PosedFigure end, float? wallX, ExercisePicture picture)
    {
        var points = start.Points.Concat(end.Points).ToList();
        var minX = points.Min(p => p.X) - 6;
        var maxX = Math.Max(points.Max(p => p.X), wallX ?? float.MinValue) + 6;
        if (Seated(picture) is not null)
        {
            // The chair or wheelchair behind the hip.
            minX = Math.Min(minX, Math.Min(start.Hip.X, end.Hip.X) - 24);
        }

        var minY = points.Min(p => p.Y) - 4;
        var scale = Math.Min(MaxUnitsToPixels, Math.Min((PanelWidth - 2 * Margin) / (maxX - minX), (PanelHeight - 2 * Margin) / -minY));
        var offsetX = PanelWidth / 2 - (minX + maxX) / 2 * scale;
        return (scale, offsetX, PanelHeight - Margin);
    }

    private static void DrawPanel(SKCanvas canvas, float left, (float Scale, float OffsetX, float FloorY) t, ExercisePicture picture, float? wallX, PosedFigure figure, PosedFigure? ghost, HashSet<string> moved)
    {
        using var fill = new SKPaint { Color = PanelFill, IsAntialias = true };
        canvas.DrawRoundRect(new SKRect(left, 0, left + PanelWidth, PanelHeight), 14, 14, fill);
        SKPoint At(Vector2 p) => new(left + t.OffsetX + p.X * t.Scale, t.FloorY + p.Y * t.Scale);

        using var floor = Stroke(FloorColour, 3);
        canvas.DrawLine(new SKPoint(left + 8, t.FloorY), new SKPoint(left + PanelWidth - 8, t.FloorY), floor);
        if (wallX is { } x)
        {
            using var wall = Stroke(WallColour, 8);
            canvas.DrawLine(At(new Vector2(x + 1.5f, 0)), new SKPoint(At(new Vector2(x + 1.5f, 0)).X, 8), wall);
        }

        if (Seated(picture) is { } seatedFrame)
        {
            // Sit-to-stand keeps its chair in the standing frame, where it was.
            var hip = new Vector2(0, -PoseGeometry.SeatedHipHeight);
            Furnish(canvas, At, hip, seatedFrame.Posture, picture.View, t.Scale);
        }

        if (ghost is not null)
        {
            DrawFigure(canvas, At, ghost, t.Scale, _ => Ghost);
        }

        DrawFigure(canvas, At, figure, t.Scale, s => Colour(s, moved.Contains(s.Name)));
    }

    private static PoseFrame? Seated(ExercisePicture picture) =>
        new[] { picture.Start, picture.End }.FirstOrDefault(f => f.Posture is Posture.Seated or Posture.Wheelchair);

    private static void DrawFigure(SKCanvas canvas, Func<Vector2, SKPoint> at, PosedFigure figure, float scale, Func<BodySegment, SKColor> colour)
    {
        foreach (var depth in new[] { Depth.Far, Depth.Body, Depth.Near })
        {
            foreach (var segment in figure.Segments.Where(s => s.Depth == depth))
            {
                using var paint = Stroke(colour(segment), segment.Width * scale);
                canvas.DrawLine(at(segment.From), at(segment.To), paint);
            }

            if (depth == Depth.Body)
            {
                var trunk = figure.Segments[0];
                using var head = new SKPaint { Color = colour(trunk with { Name = "head" }), IsAntialias = true };
                var centre = at(figure.Head);
                canvas.DrawCircle(centre, PosedFigure.HeadRadius * scale, head);
                using var face = new SKPaint { Color = Background, IsAntialias = true };
                canvas.DrawCircle(at(Vector2.Lerp(figure.Head, figure.Face, 0.6f)), 1.3f * scale, face);
            }
        }
    }

    private static SKColor Colour(BodySegment segment, bool moved) => (segment.Depth, moved) switch
    {
        (Depth.Far, true) => FarAccent,
        (Depth.Far, false) => FarColour,
        (_, true) => Accent,
        _ => NearColour,
    };

    /// <summary>A chair (seat, backrest, legs) or a wheelchair (a large wheel and a small castor) under the hip.</summary>
    private static void Furnish(SKCanvas canvas, Func<Vector2, SKPoint> at, Vector2 hip, Posture posture, PictureView view, float scale)
    {
        using var wood = Stroke(Furniture, 3.2f * scale);
        var seatY = hip.Y + 5;
        if (view == PictureView.Side)
        {
            canvas.DrawLine(at(new(hip.X - 12, seatY)), at(new(hip.X + 16, seatY)), wood);
            canvas.DrawLine(at(new(hip.X - 12, seatY)), at(new(hip.X - 14, seatY - 26)), wood);
            if (posture == Posture.Wheelchair)
            {
                using var tyre = Stroke(Furniture, 2.4f * scale);
                tyre.Style = SKPaintStyle.Stroke;
                canvas.DrawCircle(at(new(hip.X - 2, -12.5f)), 12.5f * scale, tyre);
                canvas.DrawCircle(at(new(hip.X + 15, -3)), 3 * scale, tyre);
                canvas.DrawLine(at(new(hip.X - 14, seatY - 26)), at(new(hip.X - 19, seatY - 26)), wood);
            }
            else
            {
                canvas.DrawLine(at(new(hip.X - 11, seatY)), at(new(hip.X - 11, 0)), wood);
                canvas.DrawLine(at(new(hip.X + 15, seatY)), at(new(hip.X + 15, 0)), wood);
            }

            return;
        }

        canvas.DrawLine(at(new(hip.X - 15, seatY)), at(new(hip.X + 15, seatY)), wood);
        if (posture == Posture.Wheelchair)
        {
            using var tyre = Stroke(Furniture, 3.5f * scale);
            canvas.DrawLine(at(new(hip.X - 17, seatY - 8)), at(new(hip.X - 17, 0)), tyre);
            canvas.DrawLine(at(new(hip.X + 17, seatY - 8)), at(new(hip.X + 17, 0)), tyre);
        }
        else
        {
            canvas.DrawLine(at(new(hip.X - 14, seatY)), at(new(hip.X - 14, 0)), wood);
            canvas.DrawLine(at(new(hip.X + 14, seatY)), at(new(hip.X + 14, 0)), wood);
        }
    }

    private static void DrawArrow(SKCanvas canvas, float centreX)
    {
        using var paint = Stroke(FarColour, 10);
        var y = PanelHeight / 2;
        canvas.DrawLine(new SKPoint(centreX - 22, y), new SKPoint(centreX + 20, y), paint);
        canvas.DrawLine(new SKPoint(centreX + 4, y - 16), new SKPoint(centreX + 22, y), paint);
        canvas.DrawLine(new SKPoint(centreX + 4, y + 16), new SKPoint(centreX + 22, y), paint);
    }

    private static SKPaint Stroke(SKColor colour, float width) =>
        new() { Color = colour, StrokeWidth = width, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round };
}
