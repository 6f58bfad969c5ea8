using YamlDotNet.RepresentationModel;

namespace BalanceBot.Core.Conversations;

/// <summary>A say step's optional <c>style:</c>; <c>attention</c> marks its lines as safety text (<see cref="SafetyText"/>).</summary>
internal sealed partial class DialogFileParser
{
    private StepDefinition ParseSay(YamlMappingNode map, StepDefinition step)
    {
        var text = RequiredScalar(map, "say", "say step");
        var style = OptionalScalar(map, "style");
        if (style is not null && style != SafetyText.AttentionStyle)
        {
            Problem(map.Children[new YamlScalarNode("style")], $"'style' must be {SafetyText.AttentionStyle}");
        }

        return step with { Text = text is not null && style == SafetyText.AttentionStyle ? SafetyText.Mark(text) : text };
    }
}
