namespace OmniGraph.Tables.Storage.Documents;

/// <summary>
/// What every table version object says about itself, full (<see cref="TableVersionDocument"/>) or a delta
/// (<see cref="TableVersionDeltaDocument"/>): which version of which table and chain it is, who staged it, its parent and
/// its live rows.
/// </summary>
internal abstract class TableVersionObjectDocument
{
    public required int Format { get; init; }

    public required string Table { get; init; }

    public required long TableId { get; init; }

    public required string Branch { get; init; }

    public required string BranchIncarnation { get; init; }

    public required long Version { get; init; }

    public required string Tx { get; init; }

    public required string SchemaHash { get; init; }

    /// <summary>The version this one was prepared from (possibly on another chain for a full version: a fork's first write).</summary>
    public required TableVersionRefDocument Parent { get; init; }

    public required long RowCount { get; init; }
}
