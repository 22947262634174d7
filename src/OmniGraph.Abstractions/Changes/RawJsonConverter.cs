using System.Text.Json;
using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>
/// A string member that holds JSON text: written as that JSON value (not as a string), read back as the value's raw
/// text. Entity images are formatted once, where the rows are, and travel as text through grains and HTTP.
/// </summary>
public sealed class RawJsonConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(value, skipInputValidation: true);
    }
}
