using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BalanceBot.Core.Understanding;

/// <summary>Reads and checks a lexicon file; every problem is reported as <c>file:line: what is wrong</c>.</summary>
public static class LexiconFileParser
{
    public const string FolderName = "lexicon";

    public const int DefaultSpan = 10;

    private static readonly string[] Keys = ["language", "contractions", "spellings", "numbers", "known_words", "negation", "concepts", "safety", "intents", "durations"];
    private static readonly string[] NegationKeys = ["window", "before", "after", "pseudo", "uncertain", "terminators"];
    private static readonly string[] RuleKeys = ["id", "class", "all", "span", "within"];
    private static readonly string[] IntentKeys = ["id", "dialog", "all", "span", "within"];

    public static Lexicon? Parse(string file, string yaml, List<DialogProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            problems.Add(new(new SourceLocation(file, (int)Math.Max(1, ex.Start.Line)), $"not valid YAML: {ex.Message}"));
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(new(new SourceLocation(file, 1), $"a lexicon is a mapping with the keys {string.Join(", ", Keys)}"));
            return null;
        }

        var before = problems.Count;
        Unknown(file, root, Keys, problems);
        var language = Scalar(root, "language");
        if (string.IsNullOrWhiteSpace(language))
        {
            problems.Add(new(At(file, root), "the lexicon needs a language"));
        }

        var negationNode = Child(root, "negation") as YamlMappingNode;
        if (negationNode is null)
        {
            problems.Add(new(At(file, root), "the lexicon needs negation cues (window, before, after, pseudo, uncertain, terminators)"));
        }
        else
        {
            Unknown(file, negationNode, NegationKeys, problems);
        }

        var window = int.TryParse(negationNode is null ? null : Scalar(negationNode, "window"), out var w) && w is > 0 and <= 20 ? w : 0;
        if (negationNode is not null && window == 0)
        {
            problems.Add(new(At(file, negationNode), "negation window must be a whole number of words from 1 to 20"));
        }

        var negation = new NegationCues(
            window,
            List(file, negationNode, "before", problems),
            List(file, negationNode, "after", problems),
            List(file, negationNode, "pseudo", problems),
            List(file, negationNode, "uncertain", problems),
            List(file, negationNode, "terminators", problems));

        var concepts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (Child(root, "concepts") is YamlMappingNode conceptMap)
        {
            foreach (var (key, value) in conceptMap.Children)
            {
                var name = ((YamlScalarNode)key).Value ?? string.Empty;
                var words = value is YamlSequenceNode seq ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList() : [];
                if (words.Count == 0 || words.Any(string.IsNullOrWhiteSpace))
                {
                    problems.Add(new(At(file, key), $"concept '{name}' must be a list of words or phrases, none empty"));
                }

                concepts[name] = words;
            }
        }

        var rules = new List<SafetyRule>();
        if (Child(root, "safety") is YamlSequenceNode ruleList && ruleList.Children.Count > 0)
        {
            foreach (var node in ruleList.Children)
            {
                if (ParseRule(file, node, concepts, problems) is { } rule)
                {
                    if (rules.Any(r => r.Id == rule.Id))
                    {
                        problems.Add(new(rule.Location, $"safety rule id '{rule.Id}' is used twice"));
                    }

                    rules.Add(rule);
                }
            }
        }
        else
        {
            problems.Add(new(At(file, root), "the lexicon needs a non-empty list of safety rules"));
        }

        var intents = new List<IntentRule>();
        if (Child(root, "intents") is YamlSequenceNode intentList)
        {
            foreach (var node in intentList.Children)
            {
                if (node is YamlMappingNode map)
                {
                    Unknown(file, map, IntentKeys, problems);
                    var dialog = Scalar(map, "dialog");
                    var asRule = new YamlMappingNode(map.Children.Where(c => ((YamlScalarNode)c.Key).Value != "dialog"));
                    asRule.Add("class", "emergency");
                    if (string.IsNullOrWhiteSpace(dialog))
                    {
                        problems.Add(new(At(file, node), "an intent needs the dialog it starts"));
                    }
                    else if (ParseRule(file, asRule, concepts, problems, At(file, node)) is { } rule)
                    {
                        if (intents.Any(i => i.Id == rule.Id))
                        {
                            problems.Add(new(rule.Location, $"intent id '{rule.Id}' is used twice"));
                        }

                        intents.Add(new IntentRule(rule.Id, dialog, rule.Slots, rule.Span, rule.WholeMessage, rule.Location));
                    }
                }
                else
                {
                    problems.Add(new(At(file, node), "an intent must be a mapping (id, dialog, all, span, within)"));
                }
            }
        }

        foreach (var clazz in new[] { SafetyConcern.Emergency, SafetyConcern.Crisis }.Where(c => rules.All(r => r.Class != c)))
        {
            problems.Add(new(At(file, root), $"the lexicon has no {clazz.ToString().ToLowerInvariant()} rule"));
        }

        var durations = DurationWords.None;
        if (Child(root, "durations") is YamlMappingNode durationNode)
        {
            Unknown(file, durationNode, ["units", "phrases", "answers"], problems);
            durations = new DurationWords(
                Days(file, durationNode, "units", problems),
                Days(file, durationNode, "phrases", problems),
                Ranges(file, durationNode, problems));
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new Lexicon(
            language!,
            Map(file, root, "contractions", problems),
            Map(file, root, "spellings", problems),
            Map(file, root, "numbers", problems),
            List(file, root, "known_words", problems).ToHashSet(StringComparer.Ordinal),
            negation,
            concepts,
            rules,
            intents,
            durations);
    }

    private static SafetyRule? ParseRule(string file, YamlNode node, Dictionary<string, IReadOnlyList<string>> concepts, List<DialogProblem> problems, SourceLocation? location = null)
    {
        var at = location ?? At(file, node);
        if (node is not YamlMappingNode map)
        {
            problems.Add(new(at, "a safety rule must be a mapping (id, class, all, span, within)"));
            return null;
        }

        if (location is null)
        {
            Unknown(file, map, RuleKeys, problems);
        }

        var id = Scalar(map, "id");
        var clazz = Scalar(map, "class") switch
        {
            "emergency" => SafetyConcern.Emergency,
            "crisis" => SafetyConcern.Crisis,
            _ => SafetyConcern.None,
        };
        var slots = List(file, map, "all", problems);
        var within = Scalar(map, "within");
        var spanText = Scalar(map, "span");
        var span = DefaultSpan;
        var ok = true;
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add(new(at, "a safety rule needs an id"));
            ok = false;
        }

        if (clazz == SafetyConcern.None)
        {
            problems.Add(new(at, $"safety rule '{id}': class must be emergency or crisis"));
            ok = false;
        }

        if (slots.Count == 0)
        {
            problems.Add(new(at, $"safety rule '{id}': 'all' must list at least one slot"));
            ok = false;
        }

        if (spanText is not null && !(int.TryParse(spanText, out span) && span is > 0 and <= 40))
        {
            problems.Add(new(at, $"safety rule '{id}': span must be a whole number of words from 1 to 40"));
            ok = false;
        }

        if (within is not null and not "message")
        {
            problems.Add(new(at, $"safety rule '{id}': within can only be 'message'"));
            ok = false;
        }

        foreach (var alternative in slots.SelectMany(s => s.Split('|')))
        {
            var trimmed = alternative.Trim();
            if (trimmed.Length == 0)
            {
                problems.Add(new(at, $"safety rule '{id}': a slot has an empty phrase"));
                ok = false;
            }
            else if (trimmed.StartsWith('@') && !concepts.ContainsKey(trimmed[1..]))
            {
                problems.Add(new(at, $"safety rule '{id}': unknown concept '{trimmed}'"));
                ok = false;
            }
        }

        return ok ? new SafetyRule(id!, clazz, slots, span, within == "message", at) : null;
    }

    private static Dictionary<string, int> Days(string file, YamlMappingNode map, string key, List<DialogProblem> problems)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, text) in Map(file, map, key, problems))
        {
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days))
            {
                result[word] = days;
            }
            else
            {
                problems.Add(new(At(file, map), $"durations {key}: '{word}' must be a whole number of days"));
            }
        }

        return result;
    }

    private static Dictionary<string, (int Min, int Max)> Ranges(string file, YamlMappingNode map, List<DialogProblem> problems)
    {
        var result = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var (choice, text) in Map(file, map, "answers", problems))
        {
            var parts = text.Split('-');
            if (parts.Length == 2 && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var min)
                && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var max) && min <= max)
            {
                result[choice] = (min, max);
            }
            else
            {
                problems.Add(new(At(file, map), $"durations answers: '{choice}' must be a day range like 7-14"));
            }
        }

        return result;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private static SourceLocation At(string file, YamlNode node) => new(file, (int)Math.Max(1, node.Start.Line));

    private static void Unknown(string file, YamlMappingNode map, string[] allowed, List<DialogProblem> problems)
    {
        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>().Where(k => !allowed.Contains(k.Value)))
        {
            problems.Add(new(At(file, key), $"unknown key '{key.Value}' (allowed: {string.Join(", ", allowed)})"));
        }
    }

    private static List<string> List(string file, YamlMappingNode? map, string key, List<DialogProblem> problems)
    {
        if (map is null || Child(map, key) is not { } node)
        {
            return [];
        }

        if (node is not YamlSequenceNode seq || seq.Children.Any(c => c is not YamlScalarNode { Value.Length: > 0 }))
        {
            problems.Add(new(At(file, node), $"'{key}' must be a list of non-empty words or phrases"));
            return [];
        }

        return seq.Children.Cast<YamlScalarNode>().Select(s => s.Value!).ToList();
    }

    private static Dictionary<string, string> Map(string file, YamlMappingNode map, string key, List<DialogProblem> problems)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(map, key) is not { } node)
        {
            return result;
        }

        if (node is not YamlMappingNode pairs)
        {
            problems.Add(new(At(file, node), $"'{key}' must map words to words"));
            return result;
        }

        foreach (var (k, v) in pairs.Children)
        {
            if (k is YamlScalarNode { Value.Length: > 0 } word && v is YamlScalarNode { Value.Length: > 0 } meaning)
            {
                result[word.Value!] = meaning.Value!;
            }
            else
            {
                problems.Add(new(At(file, k), $"'{key}' entries must be non-empty words"));
            }
        }

        return result;
    }
}
