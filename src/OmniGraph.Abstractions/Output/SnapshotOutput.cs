using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>
/// The <c>snapshot</c> answer of the CLI and the HTTP surface: each table's published version and entity count on a
/// branch. Property order and names are the wire shape (<c>SnapshotOutput</c>).
/// </summary>
/// <param name="GraphBranch">The branch.</param>
/// <param name="GraphManifestVersion">Its manifest version.</param>
/// <param name="InternalSchemaVersion">The storage format version of the graph.</param>
/// <param name="Datasets">One entry per table, sorted by table key.</param>
[GenerateSerializer]
[Immutable]
public sealed record SnapshotOutput(
    [property: Id(0), JsonPropertyName("graph_branch")] string GraphBranch,
    [property: Id(1), JsonPropertyName("graph_manifest_version")] long GraphManifestVersion,
    [property: Id(2), JsonPropertyName("internal_schema_version")] int InternalSchemaVersion,
    [property: Id(3), JsonPropertyName("datasets")] ImmutableArray<SnapshotDatasetOutput> Datasets)
{
    /// <summary>Outputs are equal when every field and every dataset is.</summary>
    public bool Equals(SnapshotOutput? other) =>
        other is not null
        && string.Equals(GraphBranch, other.GraphBranch, StringComparison.Ordinal)
        && GraphManifestVersion == other.GraphManifestVersion
        && InternalSchemaVersion == other.InternalSchemaVersion
        && Datasets.AsSpan().SequenceEqual(other.Datasets.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(GraphBranch, GraphManifestVersion, Datasets.Length);
}

/// <summary>One table of a <see cref="SnapshotOutput"/>.</summary>
/// <param name="EntityKind"><c>node</c> or <c>edge</c>.</param>
/// <param name="TypeName">The type name.</param>
/// <param name="DatasetPath">The table's directory in the graph's store (<c>tables/node-000003</c>).</param>
/// <param name="PublishedDatasetVersion">The table version the snapshot names.</param>
/// <param name="NativeDatasetBranch">The branch whose chain holds that version, <c>null</c> for main.</param>
/// <param name="EntityCount">Live rows.</param>
[GenerateSerializer]
[Immutable]
public sealed record SnapshotDatasetOutput(
    [property: Id(0), JsonPropertyName("entity_kind")] string EntityKind,
    [property: Id(1), JsonPropertyName("type_name")] string TypeName,
    [property: Id(2), JsonPropertyName("dataset_path")] string DatasetPath,
    [property: Id(3), JsonPropertyName("published_dataset_version")] long PublishedDatasetVersion,
    [property: Id(4), JsonPropertyName("native_dataset_branch")] string? NativeDatasetBranch,
    [property: Id(5), JsonPropertyName("entity_count")] long EntityCount);
