using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>
/// The answer of <c>schema plan</c> and <c>schema apply</c> (<c>SchemaApplyOutput</c>): whether every step is supported,
/// whether a commit was published (a plan, and an apply of the accepted schema, publish nothing), main's manifest version
/// after it and the steps.
/// </summary>
/// <param name="Supported">Every step is supported.</param>
/// <param name="Applied">A commit was published.</param>
/// <param name="GraphManifestVersion">Main's manifest version after the call.</param>
/// <param name="Steps">The plan's steps in order.</param>
[GenerateSerializer]
[Immutable]
public sealed record SchemaApplyOutput(
    [property: Id(0), JsonPropertyName("supported")] bool Supported,
    [property: Id(1), JsonPropertyName("applied")] bool Applied,
    [property: Id(2), JsonPropertyName("graph_manifest_version")] long GraphManifestVersion,
    [property: Id(3), JsonPropertyName("steps")] ImmutableArray<SchemaStepOutput> Steps)
{
    /// <summary>The number of steps.</summary>
    [JsonPropertyName("step_count")]
    public int StepCount => Steps.IsDefault ? 0 : Steps.Length;

    /// <summary>The commit an apply published; otherwise main's head commit.</summary>
    [Id(4), JsonPropertyName("commit_id")]
    public string CommitId { get; init; } = string.Empty;

    /// <summary>The content hash of the schema main has after the call.</summary>
    [Id(5), JsonPropertyName("schema_hash")]
    public string SchemaHash { get; init; } = string.Empty;
}
