using BalanceBot.Core.Conversations;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BalanceBot.Core.Exercises;

/// <summary>
/// Reads and checks <c>exercises.yaml</c>: every field present, known areas and kinds, unique ids, and every
/// <c>balances</c> link resolving to an exercise of the opposite kind that links back.
/// </summary>
public static class ExerciseFileParser
{
    public const string FileName = "exercises.yaml";

    /// <summary>The smallest library issue 18 accepts (issue 3 asked for 24).</summary>
    public const int MinimumExercises = 40;

    private static readonly string[] Keys = ["id", "name", "areas", "targets", "kind", "steps", "dose", "feel", "stop_if", "avoid_if", "balances", "seated_variant", "picture"];

    public static ExerciseLibrary Parse(string file, string yaml, List<DialogProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            problems.Add(DialogFileParser.YamlProblem(file, yaml, ex));
            return ExerciseLibrary.Empty;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("exercises"), out var listNode) || listNode is not YamlSequenceNode list)
        {
            problems.Add(new DialogProblem(new SourceLocation(file, 1), "the exercise library is a mapping with exercises: a list of exercises, and wording: the words around them"));
            return ExerciseLibrary.Empty;
        }

        var wording = ExerciseWording.Parse(file, root.Children.TryGetValue(new YamlScalarNode("wording"), out var wordingNode) ? wordingNode : null, problems);
        var exercises = list.Children.Select(node => ParseExercise(file, node, problems)).OfType<Exercise>().ToList();
        Check(file, exercises, problems);
        return new ExerciseLibrary(exercises, wording);
    }

    private static Exercise? ParseExercise(string file, YamlNode node, List<DialogProblem> problems)
    {
        var at = new SourceLocation(file, (int)Math.Max(1, node.Start.Line));
        if (node is not YamlMappingNode map)
        {
            problems.Add(new(at, "an exercise must be a mapping"));
            return null;
        }

        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>().Where(k => !Keys.Contains(k.Value)))
        {
            problems.Add(new(at, $"unknown key '{key.Value}' in exercise (allowed: {string.Join(", ", Keys)})"));
        }

        string? Text(string key, bool required = true)
        {
            if (map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
            {
                return text.Trim();
            }

            if (required)
            {
                problems.Add(new(at, $"exercise is missing '{key}'"));
            }

            return null;
        }

        List<string> List(string key)
        {
            if (map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence
                && sequence.Children.All(c => c is YamlScalarNode { Value.Length: > 0 }) && sequence.Children.Count > 0)
            {
                return sequence.Children.Select(c => ((YamlScalarNode)c).Value!.Trim()).ToList();
            }

            problems.Add(new(at, $"exercise needs '{key}' as a non-empty list"));
            return [];
        }

        var id = Text("id");
        var kindText = Text("kind");
        ExerciseKind? kind = kindText switch
        {
            "stretch" => ExerciseKind.Stretch,
            "strengthen" => ExerciseKind.Strengthen,
            null => null,
            _ => null,
        };
        if (kindText is not null && kind is null)
        {
            problems.Add(new(at, $"kind must be stretch or strengthen, not '{kindText}'"));
        }

        var exercise = new
        {
            Name = Text("name"),
            Areas = List("areas"),
            Targets = Text("targets"),
            Steps = List("steps"),
            Dose = Text("dose"),
            Feel = Text("feel"),
            StopIf = Text("stop_if"),
            AvoidIf = Text("avoid_if"),
            Balances = Text("balances"),
            SeatedVariant = Text("seated_variant", required: false),
            Picture = ExercisePictureParser.Parse(map.Children.TryGetValue(new YamlScalarNode("picture"), out var pictureNode) ? pictureNode : null, at, problems),
        };
        if (id is null || kind is null || exercise.Name is null || exercise.Targets is null || exercise.Dose is null
            || exercise.Feel is null || exercise.StopIf is null || exercise.AvoidIf is null || exercise.Picture is null)
        {
            return null;
        }

        DialogValidator.CheckId(id, "exercise", at, problems);
        foreach (var area in exercise.Areas.Where(a => !ExerciseLibrary.Areas.Contains(a)))
        {
            problems.Add(new(at, $"unknown area '{area}' (use: {string.Join(", ", ExerciseLibrary.Areas)})"));
        }

        return new Exercise
        {
            Id = id,
            Name = exercise.Name,
            Areas = exercise.Areas,
            Targets = exercise.Targets,
            Kind = kind.Value,
            Steps = exercise.Steps,
            Dose = exercise.Dose,
            Feel = exercise.Feel,
            StopIf = exercise.StopIf,
            AvoidIf = exercise.AvoidIf,
            Balances = exercise.Balances,
            SeatedVariant = exercise.SeatedVariant,
            Picture = exercise.Picture,
            Location = at,
        };
    }

    private static void Check(string file, List<Exercise> exercises, List<DialogProblem> problems)
    {
        var byId = new Dictionary<string, Exercise>(StringComparer.Ordinal);
        foreach (var exercise in exercises)
        {
            if (!byId.TryAdd(exercise.Id, exercise))
            {
                problems.Add(new(exercise.Location, $"exercise id '{exercise.Id}' is already used at {byId[exercise.Id].Location}"));
            }
        }

        foreach (var exercise in exercises.Where(e => e.Balances is not null))
        {
            if (!byId.TryGetValue(exercise.Balances!, out var partner))
            {
                problems.Add(new(exercise.Location, $"balances '{exercise.Balances}' is not an exercise"));
            }
            else if (partner.Balances != exercise.Id)
            {
                problems.Add(new(exercise.Location, $"'{exercise.Id}' balances '{partner.Id}', but '{partner.Id}' does not balance it back"));
            }
            else if (partner.Kind == exercise.Kind)
            {
                problems.Add(new(exercise.Location, $"'{exercise.Id}' and '{partner.Id}' are both {exercise.Kind.ToString().ToLowerInvariant()} exercises: a balancing pair stretches one side and strengthens the other"));
            }
        }

        foreach (var exercise in exercises.Where(e => e.SeatedVariant is not null))
        {
            if (!byId.TryGetValue(exercise.SeatedVariant!, out var seated))
            {
                problems.Add(new(exercise.Location, $"seated_variant '{exercise.SeatedVariant}' is not an exercise"));
            }
            else if (seated.Picture.Start.Posture is not (Posture.Seated or Posture.Wheelchair) || seated.Kind != exercise.Kind)
            {
                problems.Add(new(exercise.Location, $"seated_variant '{seated.Id}' must be done sitting and be a {exercise.Kind.ToString().ToLowerInvariant()} exercise like '{exercise.Id}'"));
            }
        }

        foreach (var area in ExerciseLibrary.Areas.Where(a => exercises.All(e => !e.Areas.Contains(a))))
        {
            problems.Add(new(new SourceLocation(file, 1), $"no exercise covers the area '{area}'"));
        }

        if (exercises.Count < MinimumExercises)
        {
            problems.Add(new(new SourceLocation(file, 1), $"the library has {exercises.Count} exercises; it needs at least {MinimumExercises}"));
        }
    }
}
