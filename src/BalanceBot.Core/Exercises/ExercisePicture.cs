namespace BalanceBot.Core.Exercises;

/// <summary>Which way the figure is drawn: from the side facing right, or from the front.</summary>
public enum PictureView
{
    Side,
    Front,
}

/// <summary>How the figure is held up: standing on the floor, sitting on a chair or in a wheelchair, or lying on a mat.</summary>
public enum Posture
{
    Standing,
    Seated,
    Wheelchair,
    Lying,
}

/// <summary>
/// The start and end position of an exercise as joint angles (degrees), drawn by the app as two frames side by side.
/// Joints not named in a frame keep the posture's resting angle; see <see cref="PoseJoints"/> for what each means.
/// </summary>
/// <param name="Alt">What the picture shows, for screen readers and text-only chats.</param>
/// <param name="Wall">A wall or door frame touching the figure's hands in the start frame (wall push-ups, doorway stretch).</param>
public sealed record ExercisePicture(string Alt, PictureView View, PoseFrame Start, PoseFrame End, bool Wall);

/// <summary>One position of the figure: its posture and the angle of every joint.</summary>
public sealed record PoseFrame(Posture Posture, PictureView View, IReadOnlyDictionary<string, double> Angles)
{
    public double this[string joint] => Angles.TryGetValue(joint, out var angle) ? angle : PoseJoints.Resting(Posture, View, joint);

    /// <summary>True when some joint is at least <paramref name="degrees"/> apart from the other frame, or the posture differs.</summary>
    public bool DiffersFrom(PoseFrame other, double degrees)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Posture != other.Posture || PoseJoints.All.Any(j => Math.Abs(this[j] - other[j]) >= degrees);
    }
}

/// <summary>
/// The joints a pose names. Side view (figure facing right): positive moves forward, so <c>shoulder</c> 90 holds the
/// arm straight ahead of the trunk and 180 overhead; <c>hip</c> is the thigh's angle from straight down whatever the
/// trunk does (90 is the seated thigh, so leaning forward leaves the legs in place); <c>knee</c> and <c>elbow</c> are bends,
/// <c>trunk</c> leans forward from upright, <c>head</c> nods forward, <c>ankle</c> points the toes down, <c>wrist</c>
/// bends the hand up. Front view: limbs' positive angles lift them out to the side, <c>trunk</c> and <c>head</c> lean
/// towards the figure's left.
/// </summary>
public static class PoseJoints
{
    public static IReadOnlyList<string> All { get; } =
    [
        "trunk", "head",
        "left_shoulder", "left_elbow", "left_wrist", "right_shoulder", "right_elbow", "right_wrist",
        "left_hip", "left_knee", "left_ankle", "right_hip", "right_knee", "right_ankle",
    ];

    /// <summary>Short names an author may use for both sides at once (<c>shoulder: 90</c> sets both shoulders).</summary>
    public static IReadOnlyList<string> BothSides { get; } = ["shoulder", "elbow", "wrist", "hip", "knee", "ankle"];

    /// <summary>
    /// The angle of a joint nobody named: arms relaxed, and sitting, thighs forward with knees bent (side view);
    /// from the front a sitting figure's thighs point at the viewer, so they rest at 0 like standing ones.
    /// </summary>
    public static double Resting(Posture posture, PictureView view, string joint) => posture switch
    {
        Posture.Seated or Posture.Wheelchair when view == PictureView.Side => joint switch
        {
            "left_hip" or "right_hip" or "left_knee" or "right_knee" => 90,
            "left_elbow" or "right_elbow" => 10,
            _ => 0,
        },
        _ => joint is "left_elbow" or "right_elbow" ? 5 : 0,
    };
}
