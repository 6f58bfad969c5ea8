using System.Text.Json.Serialization;

namespace BalanceBot.Channels.Discord;

/// <summary>
/// One message or modal component (discord.md §2): an Action Row holding buttons or a select, a Label holding a text
/// input, or the leaf itself. A single shape keeps the wire simple; unused fields are omitted when written.
/// </summary>
internal sealed class Component
{
    public int Type { get; init; }

    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? Description { get; init; }

    public string? CustomId { get; init; }

    public string? Placeholder { get; init; }

    public List<SelectOption>? Options { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public bool? Required { get; init; }

    /// <summary>A text input's submitted value.</summary>
    public string? Value { get; init; }

    /// <summary>An Action Row's children.</summary>
    public List<Component>? Components { get; init; }

    /// <summary>A Label's child.</summary>
    [JsonPropertyName("component")]
    public Component? Child { get; init; }
}

internal sealed class SelectOption
{
    public required string Label { get; init; }

    public required string Value { get; init; }
}

/// <summary>
/// Component type and style numbers, and the limits the renderer cuts text to (discord.md §2). Rows, custom ids and
/// modal titles stay inside theirs by construction; the dialog tests check every limit on real messages.
/// </summary>
internal static class ComponentTypes
{
    public const int ActionRow = 1;
    public const int Button = 2;
    public const int StringSelect = 3;
    public const int TextInput = 4;
    public const int Label = 18;

    public const int SecondaryButton = 2;
    public const int PrimaryButton = 1;
    public const int ShortTextInput = 1;

    public const int MaxButtonsPerRow = 5;
    public const int MaxSelectOptions = 25;
    public const int MaxButtonLabelLength = 80;
    public const int MaxSelectLabelLength = 100;
    public const int MaxLabelDescriptionLength = 100;
    public const int MaxContentLength = 2000;
}
