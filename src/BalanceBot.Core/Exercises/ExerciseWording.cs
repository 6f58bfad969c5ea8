using BalanceBot.Core.Conversations;
using YamlDotNet.RepresentationModel;

namespace BalanceBot.Core.Exercises;

/// <summary>
/// The words around every exercise (<c>wording:</c> in <c>exercises.yaml</c>), so that everything a user reads lives
/// in <c>dialogs/</c>. Every key in <see cref="Keys"/> is required.
/// </summary>
public sealed class ExerciseWording(IReadOnlyDictionary<string, string> texts)
{
    public static IReadOnlyList<string> Keys { get; } =
    [
        "stretches", "strengthens", "feel", "stop_if", "skip_if", "stop_rule", "short_stop_rule",
        "balance_with", "seated_instead", "more", "principle",
    ];

    public static ExerciseWording Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>The text for a key; <c>{name}</c> in it is replaced by <paramref name="name"/>.</summary>
    public string this[string key, string? name = null] =>
        texts.TryGetValue(key, out var text) ? (name is null ? text : text.Replace("{name}", name, StringComparison.Ordinal)) : "";

    internal static ExerciseWording Parse(string file, YamlNode? node, List<DialogProblem> problems)
    {
        var at = new SourceLocation(file, node is null ? 1 : (int)Math.Max(1, node.Start.Line));
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!Keys.Contains(name))
                {
                    problems.Add(new(at, $"unknown key '{name}' in wording (allowed: {string.Join(", ", Keys)})"));
                }
                else if (value is YamlScalarNode { Value: { Length: > 0 } text })
                {
                    texts[name] = text.Trim();
                }
            }
        }

        foreach (var missing in Keys.Where(k => !texts.ContainsKey(k)))
        {
            problems.Add(new(at, $"the exercise library's wording is missing '{missing}'"));
        }

        return new ExerciseWording(texts);
    }
}
