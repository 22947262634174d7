using OmniGraph.Arrow;

namespace OmniGraph.Abstractions;

/// <summary>A page of live rows in storage order (for export); <see cref="Next"/> continues after it, <c>null</c> at the end.</summary>
/// <param name="Rows">The rows, projected.</param>
/// <param name="Next">Where the next page starts, or <c>null</c> when the table has no more rows.</param>
[GenerateSerializer]
[Immutable]
public sealed record TableRowPage(
    [property: Id(0)] RecordBatch Rows,
    [property: Id(1)] RowAddress? Next);
