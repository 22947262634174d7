namespace OmniGraph.Tables.Storage.Documents;

/// <summary>A table version as stored in manifests, sidecars, parents and grain state.</summary>
internal sealed class TableVersionRefDocument
{
    public required string Table { get; init; }

    public required long TableId { get; init; }

    public required string Branch { get; init; }

    public required string BranchIncarnation { get; init; }

    public required long Version { get; init; }

    public required string? Key { get; init; }

    public required string? Tx { get; init; }

    public required long Rows { get; init; }

    public required string SchemaHash { get; init; }
}
