using System.Buffers;
using System.Text.Json;

namespace OmniGraph.Server.Mcp;

/// <summary>
/// The JSON Schema of a stored query's parameters, as an MCP tool's <c>inputSchema</c>: an object with one property per
/// parameter (its JSON type from the parameter's kind; <c>null</c> allowed for a nullable one), the non-nullable ones
/// required, nothing else allowed.
/// </summary>
internal static class StoredQueryToolSchema
{
    /// <summary>The input schema of a tool taking <paramref name="parameters"/>.</summary>
    public static JsonElement Of(IReadOnlyList<StoredQueryParam> parameters)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "object");
            writer.WriteStartObject("properties");
            foreach (var parameter in parameters)
            {
                writer.WriteStartObject(parameter.Name);
                WriteType(writer, parameter.Kind, parameter.Nullable, parameter.ItemKind, parameter.VectorDim);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteStartArray("required");
            foreach (var parameter in parameters.Where(static p => !p.Nullable))
            {
                writer.WriteStringValue(parameter.Name);
            }

            writer.WriteEndArray();
            writer.WriteBoolean("additionalProperties", false);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>An input schema from its JSON text (the built-in tools).</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static void WriteType(Utf8JsonWriter writer, string kind, bool nullable, string? itemKind, int? vectorDim)
    {
        var type = kind switch
        {
            "bool" => "boolean",
            "int" or "bigint" => "integer",
            "float" => "number",
            "vector" or "list" => "array",
            _ => "string",
        };
        if (nullable)
        {
            writer.WriteStartArray("type");
            writer.WriteStringValue(type);
            writer.WriteStringValue("null");
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteString("type", type);
        }

        switch (kind)
        {
            case "date":
                writer.WriteString("format", "date");
                break;
            case "datetime":
                writer.WriteString("format", "date-time");
                break;
            case "vector":
                writer.WriteStartObject("items");
                writer.WriteString("type", "number");
                writer.WriteEndObject();
                writer.WriteNumber("minItems", vectorDim ?? 0);
                writer.WriteNumber("maxItems", vectorDim ?? 0);
                break;
            case "list":
                writer.WriteStartObject("items");
                WriteType(writer, itemKind ?? "string", nullable: false, itemKind: null, vectorDim: null);
                writer.WriteEndObject();
                break;
        }
    }
}
