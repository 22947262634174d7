namespace OmniGraph.Abstractions;

/// <summary>
/// One immutable version of one table: where it lives (the branch incarnation whose chain holds it, its number on that
/// chain and its object key) and how many live rows it has. Version 0 is the empty table and has no object
/// (<see cref="Key"/> is <c>null</c>). A snapshot is a list of these, one per table; table grains read at exactly
/// the version a reference names.
/// </summary>
/// <param name="Table">The table key, <c>node:Person</c> or <c>edge:Knows</c>.</param>
/// <param name="TableId">The table's stable id (the schema's stable type id).</param>
/// <param name="ChainBranch">The branch whose chain holds the version (for messages and <c>native_dataset_branch</c>).</param>
/// <param name="ChainIncarnation">The incarnation (ULID) of that branch: the chain's identity.</param>
/// <param name="Version">The version number on the chain; a fork continues its parent's numbering.</param>
/// <param name="Key">The table version object's key, or <c>null</c> for version 0.</param>
/// <param name="RowCount">Live rows in this version.</param>
/// <param name="Tx">The write transaction that staged the version, or <c>null</c> for version 0.</param>
/// <param name="SchemaHash">The schema the version is laid out by (content hash of its IR).</param>
[GenerateSerializer]
[Immutable]
public sealed record TableVersionRef(
    [property: Id(0)] string Table,
    [property: Id(1)] long TableId,
    [property: Id(2)] string ChainBranch,
    [property: Id(3)] string ChainIncarnation,
    [property: Id(4)] long Version,
    [property: Id(5)] string? Key,
    [property: Id(6)] long RowCount,
    [property: Id(7)] string? Tx,
    [property: Id(8)] string SchemaHash)
{
    /// <summary><c>true</c> for a node table.</summary>
    public bool IsNode => Table.StartsWith("node:", StringComparison.Ordinal);

    /// <summary><c>true</c> for an edge table.</summary>
    public bool IsEdge => Table.StartsWith("edge:", StringComparison.Ordinal);

    /// <summary>The type name without the <c>node:</c>/<c>edge:</c> prefix.</summary>
    public string TypeName => Table[(Table.IndexOf(':', StringComparison.Ordinal) + 1)..];

    /// <summary>The empty version 0 of a table on a chain.</summary>
    public static TableVersionRef Empty(string table, long tableId, string chainBranch, string chainIncarnation, string schemaHash) =>
        new(table, tableId, chainBranch, chainIncarnation, 0, null, 0, null, schemaHash);

    /// <summary>
    /// Whether both references name the same stored version (same table, chain, number and object); row counts and
    /// branch names are descriptive and not compared.
    /// </summary>
    public bool SameVersionAs(TableVersionRef? other) =>
        other is not null
        && TableId == other.TableId
        && Version == other.Version
        && string.Equals(Table, other.Table, StringComparison.Ordinal)
        && string.Equals(ChainIncarnation, other.ChainIncarnation, StringComparison.Ordinal)
        && string.Equals(Key, other.Key, StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"{Table}@{ChainBranch}({ChainIncarnation})v{Version}";
}
