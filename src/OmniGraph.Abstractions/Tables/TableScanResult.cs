using System.Collections.Immutable;
using OmniGraph.Arrow;

namespace OmniGraph.Abstractions;

/// <summary>
/// The live rows of a table version, projected: one batch per fragment that has live rows, in storage order. Columns
/// of fragments without deletions are zero-copy views of the stored fragment.
/// </summary>
/// <param name="Batches">The rows, in storage order.</param>
/// <param name="RowCount">Total rows across the batches.</param>
[GenerateSerializer]
[Immutable]
public sealed record TableScanResult(
    [property: Id(0)] ImmutableArray<RecordBatch> Batches,
    [property: Id(1)] long RowCount);
