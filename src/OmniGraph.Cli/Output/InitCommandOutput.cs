using System.Text.Json.Serialization;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Output;

/// <summary><c>omnigraph init --json</c>: the graph created and its genesis commit.</summary>
public sealed record InitCommandOutput(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("commit")] CommitOutput Commit);
