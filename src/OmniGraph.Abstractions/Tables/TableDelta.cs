using System.Collections.Immutable;
using OmniGraph.Arrow;

namespace OmniGraph.Abstractions;

/// <summary>
/// What one write changes in one table, as handed to <see cref="ITableBranchProtocol.PrepareVersionAsync"/>: new rows
/// (fragments staged earlier, in order, then inline batches that the grain writes as fragments now) and ids to delete,
/// plus the chain the new version belongs to.
/// </summary>
/// <param name="Mode">How the rows apply (upsert, strict insert, overwrite).</param>
/// <param name="Fragments">Fragments already staged for this write (their rows come first, in this order).</param>
/// <param name="Batches">Rows to write as new fragments now, laid out by the table's layout.</param>
/// <param name="DeleteIds">Ids whose committed rows the write deletes (ignored when absent); not allowed with overwrite.</param>
/// <param name="Branch">The branch being written.</param>
/// <param name="BranchIncarnation">Its incarnation: the chain the new version extends (or starts, on a first write of a fork).</param>
/// <param name="SchemaHash">The schema the write was validated against.</param>
[GenerateSerializer]
[Immutable]
internal sealed record TableDelta(
    [property: Id(0)] TableWriteMode Mode,
    [property: Id(1)] ImmutableArray<StagedFragment> Fragments,
    [property: Id(2)] ImmutableArray<RecordBatch> Batches,
    [property: Id(3)] KeyBatch? DeleteIds,
    [property: Id(4)] string Branch,
    [property: Id(5)] string BranchIncarnation,
    [property: Id(6)] string SchemaHash);
