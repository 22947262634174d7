using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>The receipt of a successful write.</summary>
/// <param name="Commit">The commit the write published.</param>
/// <param name="Snapshot">The snapshot it produced (the branch's new head at publish time).</param>
/// <param name="Tables">What happened to each written table, in table-key order.</param>
/// <param name="Attempts">How many preparations it took (more than one when it was re-prepared after a conflict).</param>
[GenerateSerializer]
[Immutable]
public sealed record GraphWriteResult(
    [property: Id(0)] CommitInfo Commit,
    [property: Id(1)] GraphSnapshot Snapshot,
    [property: Id(2)] ImmutableArray<TableWriteSummary> Tables,
    [property: Id(3)] int Attempts);

/// <summary>What a write did to one table.</summary>
/// <param name="Table">The table key.</param>
/// <param name="Inserted">Rows with new ids.</param>
/// <param name="Replaced">Committed rows replaced by rows with the same id.</param>
/// <param name="Deleted">Committed rows removed (deleted by id or dropped by an overwrite).</param>
/// <param name="RowCount">Live rows after the write.</param>
/// <param name="Version">The table version published.</param>
[GenerateSerializer]
[Immutable]
public sealed record TableWriteSummary(
    [property: Id(0)] string Table,
    [property: Id(1)] long Inserted,
    [property: Id(2)] long Replaced,
    [property: Id(3)] long Deleted,
    [property: Id(4)] long RowCount,
    [property: Id(5)] long Version);
