using System.Text;
using System.Text.Json.Nodes;

namespace BalanceBot.Tests.Hosting;

/// <summary>Turns real payloads into broken ones, reproducibly from a seed: the kinds of damage issue 8 lists.</summary>
internal static class PayloadMutator
{
    public static readonly string[] Kinds =
        ["truncated", "wrong type", "huge string", "deep nesting", "invalid UTF-8", "unknown enum", "null everywhere", "missing field", "flipped bytes", "unknown fields"];

    public static (string Kind, byte[] Body) Mutate(JsonObject seed, Random random)
    {
        var kind = Kinds[random.Next(Kinds.Length)];
        var json = seed.DeepClone().AsObject();
        var bytes = kind switch
        {
            "truncated" => Truncate(Encode(json), random),
            "wrong type" => Encode(ReplaceRandom(json, random, () => RandomValue(random))),
            "huge string" => Encode(ReplaceRandom(json, random, () => JsonValue.Create(new string('A', random.Next(10_000, 300_000))))),
            "deep nesting" => DeepNesting(json, random),
            "invalid UTF-8" => InvalidUtf8(Encode(json), random),
            "unknown enum" => Encode(UnknownEnum(json, random)),
            "null everywhere" => Encode(NullLeaves(json)),
            "missing field" => Encode(RemoveRandom(json, random)),
            "flipped bytes" => FlipBytes(Encode(json), random),
            _ => Encode(AddUnknown(json, random)),
        };
        return (kind, bytes);
    }

    private static byte[] Encode(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static byte[] Truncate(byte[] bytes, Random random) => bytes[..random.Next(bytes.Length)];

    private static byte[] FlipBytes(byte[] bytes, Random random)
    {
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
        }

        return bytes;
    }

    private static byte[] InvalidUtf8(byte[] bytes, Random random)
    {
        // Inside a string if there is one: a lone continuation byte, an overlong form, or 0xFF.
        byte[][] broken = [[0x80], [0xC0, 0xAF], [0xFF], [0xED, 0xA0, 0x80]];
        var quote = Array.IndexOf(bytes, (byte)'"', random.Next(bytes.Length));
        var at = quote < 0 ? random.Next(bytes.Length) : quote + 1;
        return [.. bytes[..at], .. broken[random.Next(broken.Length)], .. bytes[at..]];
    }

    private static byte[] DeepNesting(JsonObject json, Random random)
    {
        var depth = random.Next(65, 20_000);
        var nested = new string('[', depth) + new string(']', depth);
        var text = json.ToJsonString();
        var close = text.LastIndexOf('}');
        return Encoding.UTF8.GetBytes(text[..close] + (json.Count > 0 ? "," : "") + "\"deep\":" + nested + "}");
    }

    private static JsonObject UnknownEnum(JsonObject json, Random random)
    {
        var targets = Nodes(json).Where(n => n.Parent is JsonObject && n.GetPropertyName() is "type" or "channelId" or "action" or "component_type" or "conversationType" or "textFormat" or "name").ToList();
        var target = targets.Count > 0 ? targets[random.Next(targets.Count)] : null;
        JsonNode value = random.Next(3) switch { 0 => JsonValue.Create(random.Next(-5, 1000)), 1 => JsonValue.Create("weird-" + random.Next(1000)), _ => JsonValue.Create("") };
        if (target is not null)
        {
            target.Parent!.AsObject()[target.GetPropertyName()] = value;
        }
        else
        {
            json["type"] = value;
        }

        return json;
    }

    private static JsonNode NullLeaves(JsonNode node)
    {
        foreach (var leaf in Nodes(node).OfType<JsonValue>().ToList())
        {
            Replace(leaf, null);
        }

        return node;
    }

    private static JsonObject AddUnknown(JsonObject json, Random random)
    {
        var objects = Nodes(json).OfType<JsonObject>().Prepend(json).ToList();
        objects[random.Next(objects.Count)]["x_unknown_" + random.Next(100)] = RandomValue(random);
        return json;
    }

    private static JsonObject ReplaceRandom(JsonObject json, Random random, Func<JsonNode?> value)
    {
        var nodes = Nodes(json).ToList();
        if (nodes.Count > 0)
        {
            Replace(nodes[random.Next(nodes.Count)], value());
        }

        return json;
    }

    private static JsonObject RemoveRandom(JsonObject json, Random random)
    {
        var properties = Nodes(json).Where(n => n.Parent is JsonObject).ToList();
        if (properties.Count > 0)
        {
            var victim = properties[random.Next(properties.Count)];
            victim.Parent!.AsObject().Remove(victim.GetPropertyName());
        }

        return json;
    }

    private static JsonNode? RandomValue(Random random) => random.Next(7) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next()),
        2 => JsonValue.Create(random.NextDouble() * 1e300),
        3 => JsonValue.Create(random.Next(2) == 0),
        4 => new JsonArray(JsonValue.Create("a"), null, JsonValue.Create(1)),
        5 => new JsonObject { ["x"] = JsonValue.Create(-1) },
        _ => JsonValue.Create("\u0000\uFFFD<script>" + new string('é', random.Next(50))),
    };

    private static void Replace(JsonNode node, JsonNode? value)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = value;
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = value;
                break;
        }
    }

    /// <summary>Every node below the root, depth first.</summary>
    private static IEnumerable<JsonNode> Nodes(JsonNode root)
    {
        IEnumerable<JsonNode?> children = root switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            yield return child;
            foreach (var grandchild in Nodes(child))
            {
                yield return grandchild;
            }
        }
    }
}
