using System.Text.Json.Serialization;

namespace OmniGraph.Tables.Storage.Documents;

/// <summary><c>manifests/{inc}/{version}.json</c>: the complete graph image of one manifest version, plus its commit.</summary>
internal sealed class ManifestDocument
{
    public required int Format { get; init; }

    public required string Branch { get; init; }

    public required string BranchIncarnation { get; init; }

    public required long Version { get; init; }

    public required string SchemaHash { get; init; }

    public required CommitRecordDocument Commit { get; init; }

    /// <summary>One entry per table, sorted by table key.</summary>
    public required TableVersionRefDocument[] Tables { get; init; }

    /// <summary>
    /// What soft drops of the schema kept, sorted by table key then property; absent when none (every manifest written
    /// before soft drops kept anything reads as none).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DroppedTableDocument[]? Dropped { get; init; }
}
