using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BalanceBot.Core.Conversations;

/// <summary>Reading one YAML value of a known shape, and naming the line of every problem (DialogFileParser's reading side).</summary>
internal sealed partial class DialogFileParser
{
    private void CheckKeys(YamlMappingNode map, IReadOnlyCollection<string> allowed, string what)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !allowed.Contains(name))
            {
                Problem(key, $"unknown key '{(key as YamlScalarNode)?.Value}' in {what} (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    private string? RequiredScalar(YamlMappingNode map, string key, string what)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            Problem(map, $"{what} is missing '{key}'");
            return null;
        }

        if (node is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            Problem(node, $"'{key}' must be a non-empty text");
            return null;
        }

        return value;
    }

    private string? OptionalScalar(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            Problem(node, $"'{key}' must be a non-empty text");
            return null;
        }

        return value;
    }

    private int? OptionalInt(YamlMappingNode map, string key)
    {
        var text = OptionalScalar(map, key);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Problem(map.Children[new YamlScalarNode(key)], $"'{key}' must be a whole number, not '{text}'");
            return null;
        }

        return value;
    }

    private bool? OptionalBool(YamlMappingNode map, string key)
    {
        var text = OptionalScalar(map, key);
        switch (text)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                Problem(map.Children[new YamlScalarNode(key)], $"'{key}' must be true or false");
                return null;
        }
    }

    private List<string> OptionalScalarList(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Problem(node, $"'{key}' must be a list");
            return [];
        }

        var values = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } value })
            {
                values.Add(value);
            }
            else
            {
                Problem(item, $"every item of '{key}' must be a non-empty text");
            }
        }

        return values;
    }

    private Dictionary<string, string> OptionalScalarMap(YamlMappingNode map, string key)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return values;
        }

        if (node is not YamlMappingNode argMap)
        {
            Problem(node, $"'{key}' must be a mapping of names to literal values");
            return values;
        }

        foreach (var (argKey, argValue) in argMap.Children)
        {
            if (argKey is YamlScalarNode { Value: { Length: > 0 } name } && argValue is YamlScalarNode { Value: { } value })
            {
                values[name] = value;
            }
            else
            {
                Problem(argKey, $"every entry of '{key}' must be a name with a literal value");
            }
        }

        return values;
    }

    private void Problem(YamlNode node, string message) => _problems.Add(new DialogProblem(At(node), message));

    private SourceLocation At(YamlNode node) => new(_file, LineOf(node.Start));

    private static int LineOf(Mark mark) => (int)Math.Max(1, mark.Line);

    /// <summary>
    /// A YAML syntax error at its real line. A tab in the indentation is the usual culprit, and YamlDotNet reports it
    /// at the start of the enclosing block (a tab on line 5 came out as line 1 or 4): it is named at its own line.
    /// </summary>
    internal static DialogProblem YamlProblem(string file, string yaml, YamlException error)
    {
        var lines = yaml.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var indentation = lines[index][..(lines[index].Length - lines[index].TrimStart(' ', '\t').Length)];
            if (indentation.Contains('\t', StringComparison.Ordinal))
            {
                return new(new SourceLocation(file, index + 1), "not valid YAML: a tab in the indentation (YAML indents with spaces only)");
            }
        }

        return new(new SourceLocation(file, LineOf(error.Start)), $"not valid YAML: {error.Message}");
    }
}
