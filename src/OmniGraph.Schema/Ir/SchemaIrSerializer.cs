using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OmniGraph.Schema.Ir;

/// <summary>
/// Reads and writes <see cref="SchemaIr"/> JSON. The compact form is canonical: equal schemas (same
/// declarations, same ids) produce byte-identical output, and its SHA-256 is the schema's content hash.
/// </summary>
public static class SchemaIrSerializer
{
    private static readonly SchemaIrJsonContext s_indented = new(new JsonSerializerOptions(SchemaIrJsonContext.Default.Options)
    {
        WriteIndented = true,
        NewLine = "\n",
    });

    /// <summary>Serializes to UTF-8 JSON (compact and canonical unless <paramref name="indented"/>).</summary>
    public static byte[] SerializeToUtf8Bytes(SchemaIr ir, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(ir);
        return JsonSerializer.SerializeToUtf8Bytes(ir, Context(indented).SchemaIr);
    }

    /// <summary>Serializes to a JSON string (compact and canonical unless <paramref name="indented"/>).</summary>
    public static string Serialize(SchemaIr ir, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(ir);
        return JsonSerializer.Serialize(ir, Context(indented).SchemaIr);
    }

    /// <summary>Reads an IR document. Structure is checked strictly; consistency is checked by <see cref="SchemaCatalog.FromIr"/>.</summary>
    /// <exception cref="SchemaException">Malformed JSON or an unexpected shape (code <c>schema_invalid_ir</c>).</exception>
    public static SchemaIr Deserialize(ReadOnlySpan<byte> utf8Json) =>
        Read(utf8Json, SchemaIrJsonContext.Default.SchemaIr);

    /// <summary>Reads an IR document from a JSON string.</summary>
    /// <exception cref="SchemaException">Malformed JSON or an unexpected shape (code <c>schema_invalid_ir</c>).</exception>
    public static SchemaIr Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, SchemaIrJsonContext.Default.SchemaIr) ?? NullDocument();
        }
        catch (JsonException exception)
        {
            return Malformed(exception, JsonSyntax.FindError(json));
        }
    }

    /// <summary>The lowercase hex SHA-256 of the canonical (compact) JSON form.</summary>
    public static string ComputeContentHash(SchemaIr ir) => ComputeContentHash(SerializeToUtf8Bytes(ir));

    internal static string ComputeContentHash(ReadOnlySpan<byte> canonicalUtf8) =>
        Convert.ToHexStringLower(SHA256.HashData(canonicalUtf8));

    internal static byte[] SerializeToUtf8Bytes<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    private static SchemaIrJsonContext Context(bool indented) => indented ? s_indented : SchemaIrJsonContext.Default;

    private static SchemaIr Read(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<SchemaIr> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, typeInfo) ?? NullDocument();
        }
        catch (JsonException exception)
        {
            return Malformed(exception, JsonSyntax.FindError(utf8Json));
        }
    }

    private static SchemaIr NullDocument()
    {
        SchemaThrow.InvalidIr("the document is JSON null");
        return null!;
    }

    /// <summary>A syntax error in our words, else the member whose value does not have the IR's shape (never the framework's text).</summary>
    private static SchemaIr Malformed(JsonException exception, JsonSyntaxError? syntax)
    {
        var reason = syntax is not null
            ? $"malformed JSON: {syntax}"
            : $"malformed JSON document: it does not have the schema IR's shape (at {(string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path)}: a member is unknown, missing, repeated or of the wrong kind)";
        SchemaThrow.InvalidIr(reason, exception);
        return null!;
    }
}
