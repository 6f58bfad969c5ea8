using System.Text.Json;
using System.Text.Unicode;

namespace BalanceBot.Hosting;

/// <summary>
/// Checks that every string in a JSON body is readable text. System.Text.Json validates the strings it binds to
/// typed properties, but keeps those inside a <see cref="JsonElement"/> (channelData, value, entities) as raw
/// bytes, and reading one later throws: invalid UTF-8 or a lone escaped surrogate would surface mid-turn as a 500.
/// </summary>
internal static class JsonText
{
    /// <returns>False when a string or property name is not valid text (or the JSON is malformed: parsing will say where).</returns>
    public static bool IsReadable(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName
                    && (reader.ValueIsEscaped || reader.HasValueSequence ? !TryReadEscaped(ref reader) : !Utf8.IsValid(reader.ValueSpan)))
                {
                    return false;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            // Malformed JSON is the deserializer's to report, with its path and position.
            return true;
        }
    }

    private static bool TryReadEscaped(ref Utf8JsonReader reader)
    {
        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
