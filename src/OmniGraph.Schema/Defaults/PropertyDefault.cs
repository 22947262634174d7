using System.Text;
using System.Text.Json;

namespace OmniGraph.Schema;

/// <summary>
/// The value <c>@default(…)</c> gives a property, already checked against its type. It is held as one JSON value in the
/// form the JSONL load format writes it (an integer, a finite number, a string, <c>true</c>/<c>false</c>, an enum value as
/// a string, a Date as <c>"YYYY-MM-DD"</c>, a DateTime as <c>"YYYY-MM-DDTHH:MM:SS.fffZ"</c>, a list as an array), so a
/// load fills an omitted property by reading exactly this value, a mutation converts it as it would a parameter, and a
/// schema apply writes it into every existing row.
/// </summary>
public sealed class PropertyDefault : IEquatable<PropertyDefault>
{
    private readonly byte[] _jsonUtf8;

    internal PropertyDefault(string json)
    {
        Json = json;
        _jsonUtf8 = Encoding.UTF8.GetBytes(json);
        using var document = JsonDocument.Parse(_jsonUtf8);
        Value = document.RootElement.Clone();
    }

    /// <summary>The canonical JSON text of the value (part of the schema IR, so of the schema hash).</summary>
    public string Json { get; }

    /// <summary><see cref="Json"/> as UTF-8, for readers that convert JSON tokens.</summary>
    public ReadOnlySpan<byte> JsonUtf8 => _jsonUtf8;

    /// <summary>The value as a JSON element (a string, number, boolean or array of those).</summary>
    public JsonElement Value { get; }

    /// <summary>Renders the annotation as <c>.pg</c> source: <c>@default(42)</c>, <c>@default("a")</c>, <c>@default([1, 2])</c>.</summary>
    public string ToSourceText()
    {
        var builder = new StringBuilder("@default(");
        AppendSource(builder, Value);
        return builder.Append(')').ToString();
    }

    /// <inheritdoc />
    public bool Equals(PropertyDefault? other) => other is not null && string.Equals(Json, other.Json, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PropertyDefault);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Json);

    /// <inheritdoc />
    public override string ToString() => ToSourceText();

    private static void AppendSource(StringBuilder builder, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                PgText.AppendQuoted(builder, value.GetString()!);
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    builder.Append(first ? string.Empty : ", ");
                    AppendSource(builder, item);
                    first = false;
                }

                builder.Append(']');
                break;
            default:
                builder.Append(value.GetRawText());
                break;
        }
    }
}
