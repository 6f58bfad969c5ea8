using BalanceBot.Core.Conversations;
using YamlDotNet.RepresentationModel;

namespace BalanceBot.Core.Exercises;

/// <summary>
/// Reads an exercise's <c>picture</c>: <c>alt</c>, <c>view</c> (side or front), <c>posture</c> (standing, seated,
/// wheelchair or lying), optional <c>wall: true</c>, and the <c>start</c> and <c>end</c> frames as joint angles; a frame may
/// name its own <c>posture</c> (sit to stand). The two frames must differ, or the picture shows no movement.
/// </summary>
public static class ExercisePictureParser
{
    private static readonly string[] Keys = ["alt", "view", "posture", "wall", "start", "end"];

    /// <summary>Smaller differences are invisible at the size the picture is drawn.</summary>
    public const double SmallestVisibleChange = 10;

    public static ExercisePicture? Parse(YamlNode? node, SourceLocation at, List<DialogProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (node is not YamlMappingNode map)
        {
            problems.Add(new(at, "exercise is missing 'picture' (alt, view, posture, start and end joint angles)"));
            return null;
        }

        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>().Where(k => !Keys.Contains(k.Value)))
        {
            problems.Add(new(at, $"unknown key '{key.Value}' in picture (allowed: {string.Join(", ", Keys)})"));
        }

        var alt = Scalar(map, "alt");
        if (string.IsNullOrWhiteSpace(alt))
        {
            problems.Add(new(at, "picture is missing 'alt' (what it shows, for screen readers and text chats)"));
        }

        var view = Scalar(map, "view") switch
        {
            "side" => PictureView.Side,
            "front" => PictureView.Front,
            var other => Fail<PictureView?>(problems, at, $"picture view must be side or front, not '{other}'"),
        };
        var posture = ParsePosture(Scalar(map, "posture"), at, problems);
        var start = view is null ? null : Frame(map, "start", posture, view.Value, at, problems);
        var end = view is null ? null : Frame(map, "end", posture, view.Value, at, problems);
        if (alt is null || view is null || posture is null || start is null || end is null)
        {
            return null;
        }

        if (!start.DiffersFrom(end, SmallestVisibleChange))
        {
            problems.Add(new(at, $"the picture's start and end are the same (move a joint by {SmallestVisibleChange} degrees or more)"));
        }

        return new ExercisePicture(alt.Trim(), view.Value, start, end, Scalar(map, "wall") == "true");
    }

    private static PoseFrame? Frame(YamlMappingNode map, string key, Posture? posture, PictureView view, SourceLocation at, List<DialogProblem> problems)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is not YamlMappingNode frame)
        {
            problems.Add(new(at, $"picture needs '{key}' as a mapping of joint angles ({{}} for the resting posture)"));
            return null;
        }

        var angles = new Dictionary<string, double>(StringComparer.Ordinal);
        var framePosture = posture;
        foreach (var (jointNode, valueNode) in frame.Children)
        {
            var joint = (jointNode as YamlScalarNode)?.Value ?? "";
            var value = (valueNode as YamlScalarNode)?.Value;
            if (joint == "posture")
            {
                framePosture = ParsePosture(value, at, problems);
                continue;
            }

            if (!double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var degrees) || Math.Abs(degrees) > 360)
            {
                problems.Add(new(at, $"picture {key}: '{joint}' needs an angle in degrees between -360 and 360, not '{value}'"));
                continue;
            }

            if (PoseJoints.BothSides.Contains(joint))
            {
                angles["left_" + joint] = degrees;
                angles["right_" + joint] = degrees;
            }
            else if (PoseJoints.All.Contains(joint))
            {
                angles[joint] = degrees;
            }
            else
            {
                problems.Add(new(at, $"picture {key}: unknown joint '{joint}' (use: {string.Join(", ", PoseJoints.All.Concat(PoseJoints.BothSides))})"));
            }
        }

        return framePosture is null ? null : new PoseFrame(framePosture.Value, view, angles);
    }

    private static Posture? ParsePosture(string? text, SourceLocation at, List<DialogProblem> problems) => text switch
    {
        "standing" => Posture.Standing,
        "seated" => Posture.Seated,
        "wheelchair" => Posture.Wheelchair,
        "lying" => Posture.Lying,
        _ => Fail<Posture?>(problems, at, $"picture posture must be standing, seated, wheelchair or lying, not '{text}'"),
    };

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { } text } ? text : null;

    private static T? Fail<T>(List<DialogProblem> problems, SourceLocation at, string message)
    {
        problems.Add(new(at, message));
        return default;
    }
}
