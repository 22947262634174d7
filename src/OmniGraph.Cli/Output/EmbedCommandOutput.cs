using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Output;

/// <summary>
/// <c>omnigraph embed --json</c>: <c>{uri, branch, type, properties, rows_read, rows_embedded, rows_without_source,
/// commit}</c>; <c>commit</c> is null when no row needed a vector (nothing was written).
/// </summary>
public sealed record EmbedCommandOutput(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("branch")] string Branch,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("properties")] ImmutableArray<string> Properties,
    [property: JsonPropertyName("rows_read")] long RowsRead,
    [property: JsonPropertyName("rows_embedded")] long RowsEmbedded,
    [property: JsonPropertyName("rows_without_source")] long RowsWithoutSource,
    [property: JsonPropertyName("commit")] CommitOutput? Commit);
