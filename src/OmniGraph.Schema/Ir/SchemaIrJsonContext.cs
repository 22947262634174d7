using System.Text.Json.Serialization;

namespace OmniGraph.Schema.Ir;

/// <summary>
/// Source-generated JSON metadata for the IR: snake_case names, defaults omitted, strict on read
/// (unknown members, duplicate members, missing required members and nulls in non-nullable members fail).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    MaxDepth = 32)]
[JsonSerializable(typeof(SchemaIr))]
[JsonSerializable(typeof(InterfaceIr))]
[JsonSerializable(typeof(NodeTypeIr))]
[JsonSerializable(typeof(EdgeTypeIr))]
internal sealed partial class SchemaIrJsonContext : JsonSerializerContext
{
}
