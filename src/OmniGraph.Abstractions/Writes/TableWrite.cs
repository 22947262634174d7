using System.Collections.Immutable;
using OmniGraph.Arrow;

namespace OmniGraph.Abstractions;

/// <summary>
/// One table's part of a <see cref="GraphWriteRequest"/>: rows to write (fragments already staged through
/// <see cref="ITableBranchProtocol.StageFragmentAsync"/>, then in-memory batches) and ids to delete.
/// </summary>
/// <param name="Table">The table key, <c>node:Person</c> or <c>edge:Knows</c>.</param>
/// <param name="Mode">How the rows apply to committed rows.</param>
/// <param name="StagedFragments">Fragments staged for this write on the table's grain of the written branch, in row order.</param>
/// <param name="Batches">Further rows, laid out by the table's layout (<c>TableLayout</c>), after the staged fragments.</param>
/// <param name="DeleteIds">Ids whose committed rows are deleted; ids without a live row are ignored. Not allowed with overwrite.</param>
[GenerateSerializer]
[Immutable]
public sealed record TableWrite(
    [property: Id(0)] string Table,
    [property: Id(1)] TableWriteMode Mode,
    [property: Id(2)] ImmutableArray<StagedFragment> StagedFragments,
    [property: Id(3)] ImmutableArray<RecordBatch> Batches,
    [property: Id(4)] KeyBatch? DeleteIds)
{
    /// <summary>Rows from in-memory batches.</summary>
    public static TableWrite FromBatches(string table, TableWriteMode mode, params RecordBatch[] batches) =>
        new(table, mode, [], [.. batches], null);

    /// <summary>Deletes by id only.</summary>
    public static TableWrite Delete(string table, KeyBatch ids) =>
        new(table, TableWriteMode.Upsert, [], [], ids);
}
