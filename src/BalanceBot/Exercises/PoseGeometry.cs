using System.Numerics;
using BalanceBot.Core.Exercises;

namespace BalanceBot.Exercises;

/// <summary>Near limbs are drawn dark and in front, far limbs light and behind (side view); the front view has no far side.</summary>
internal enum Depth
{
    Far,
    Body,
    Near,
}

internal sealed record BodySegment(string Name, Vector2 From, Vector2 To, float Width, Depth Depth);

/// <summary>A posed figure in body units (a standing figure is about 95 tall), the floor at y = 0 and y growing down.</summary>
internal sealed record PosedFigure(IReadOnlyList<BodySegment> Segments, Vector2 Head, Vector2 Face, Vector2 Hip, Posture Posture)
{
    public const float HeadRadius = 6.5f;

    public IEnumerable<Vector2> Points => Segments.SelectMany(s => new[] { s.From, s.To }).Append(Head - new Vector2(0, HeadRadius));
}

/// <summary>
/// Turns a frame's joint angles into segments (forward kinematics from the hip), then stands the figure on the floor
/// or sits it on its chair. Angle conventions are those of <see cref="PoseJoints"/>.
/// </summary>
internal static class PoseGeometry
{
    private const float Trunk = 30, Neck = 4, UpperArm = 17, Forearm = 15, Hand = 6, Thigh = 24, Shin = 23, Foot = 9;

    /// <summary>Seated, the hip sits this high above the floor: a resting shin plus the sole.</summary>
    public const float SeatedHipHeight = Shin + 2.5f;

    /// <summary>Where the standing feet go: under the knees of a seated figure, so sit-to-stand stays in place.</summary>
    private const float StandingAnkleX = Thigh;

    public static PosedFigure Pose(PoseFrame frame, PictureView view)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var segments = new List<BodySegment>();
        var trunk = 180 - frame["trunk"];
        var hip = Vector2.Zero;
        var shoulders = hip + Dir(trunk) * Trunk;
        var head = trunk - frame["head"];
        var neckTop = shoulders + Dir(head) * Neck;
        var headCentre = neckTop + Dir(head) * PosedFigure.HeadRadius;
        var side = view == PictureView.Side;
        var across = Dir(trunk - 90);
        var face = side ? headCentre + Dir(head - 90) * (PosedFigure.HeadRadius + 1.5f) : headCentre + Dir(head) * 2;
        segments.Add(new("trunk", hip, shoulders, 10, Depth.Body));
        segments.Add(new("neck", shoulders, neckTop, 4.5f, Depth.Body));
        foreach (var (name, sign) in new[] { ("left", 1f), ("right", -1f) })
        {
            var depth = !side ? Depth.Near : name == "left" ? Depth.Near : Depth.Far;
            var mirror = side ? 1f : sign;
            var shoulder = side ? shoulders : shoulders + across * (10 * sign);
            var upper = trunk - 180 + mirror * frame[name + "_shoulder"];
            var elbow = shoulder + Dir(upper) * UpperArm;
            var fore = upper + mirror * frame[name + "_elbow"];
            var wrist = elbow + Dir(fore) * Forearm;
            var hand = fore + mirror * frame[name + "_wrist"];
            segments.Add(new(name + "_upper_arm", shoulder, elbow, 5.5f, depth));
            segments.Add(new(name + "_forearm", elbow, wrist, 4.5f, depth));
            segments.Add(new(name + "_hand", wrist, wrist + Dir(hand) * Hand, 3.5f, depth));

            var hipJoint = side ? hip : hip + across * (5.5f * sign);
            // Legs are measured from straight down, not from the trunk: leaning over a chair or a desk leaves them where they are.
            var thigh = mirror * frame[name + "_hip"];
            // From the front a sitting figure's thighs point at the viewer: drawn short.
            var thighLength = !side && frame.Posture is Posture.Seated or Posture.Wheelchair ? Thigh * 0.3f : Thigh;
            var knee = hipJoint + Dir(thigh) * thighLength;
            var shin = side ? thigh - frame[name + "_knee"] : thigh + mirror * frame[name + "_knee"];
            var ankle = knee + Dir(shin) * Shin;
            var foot = side ? shin + 90 - frame[name + "_ankle"] : shin + mirror * 90;
            segments.Add(new(name + "_thigh", hipJoint, knee, 7.5f, depth));
            segments.Add(new(name + "_shin", knee, ankle, 5.5f, depth));
            segments.Add(new(name + "_foot", ankle - Dir(foot) * 2, ankle + Dir(foot) * (side ? Foot : 4), 4, depth));
        }

        return Ground(new PosedFigure(segments, headCentre, face, hip, frame.Posture), side);
    }

    /// <summary>Standing or lying: the lowest point on the floor, the feet at a fixed place. Sitting: the hip on the seat.</summary>
    private static PosedFigure Ground(PosedFigure figure, bool side)
    {
        Vector2 shift;
        if (figure.Posture is Posture.Standing or Posture.Lying)
        {
            var lowest = figure.Points.Max(p => p.Y) + 2;
            var feet = figure.Segments.Where(s => s.Name.EndsWith("_shin", StringComparison.Ordinal)).Select(s => s.To).ToList();
            var ankleX = side ? feet[0].X : feet.Average(f => f.X);
            shift = new Vector2((side ? StandingAnkleX : 0) - ankleX, -lowest);
        }
        else
        {
            shift = new Vector2(0, -SeatedHipHeight);
        }

        return figure with
        {
            Segments = [.. figure.Segments.Select(s => s with { From = s.From + shift, To = s.To + shift })],
            Head = figure.Head + shift,
            Face = figure.Face + shift,
            Hip = figure.Hip + shift,
        };
    }

    /// <summary>The unit vector at <paramref name="degrees"/> from straight down, turning towards the figure's front (side view) or its left (front view).</summary>
    private static Vector2 Dir(double degrees)
    {
        var radians = degrees * Math.PI / 180;
        return new Vector2((float)Math.Sin(radians), (float)Math.Cos(radians));
    }
}
