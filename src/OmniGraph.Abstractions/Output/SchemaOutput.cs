using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>The accepted schema of a graph (<c>SchemaOutput</c>), plus the content hash of its IR.</summary>
/// <param name="SchemaSource">The <c>.pg</c> source as it was accepted.</param>
/// <param name="SchemaHash">SHA-256 of the schema's canonical IR (what manifests name).</param>
[GenerateSerializer]
[Immutable]
public sealed record SchemaOutput(
    [property: Id(0), JsonPropertyName("schema_source")] string SchemaSource,
    [property: Id(1), JsonIgnore] string SchemaHash);
