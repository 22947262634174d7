using System.Collections.Immutable;
using OmniGraph.Arrow;

namespace OmniGraph.Abstractions;

/// <summary>
/// The rows <see cref="ITableBranchGrain.SelectAsync"/> selected: their ids, row addresses (for later gathers at the
/// same version) and requested columns, row <c>i</c> of each aligned. A scan returns rows in storage order; a key probe
/// in probe order, with <see cref="InputPositions"/> naming the probe each row answers (missing ids are left out).
/// </summary>
/// <param name="RowCount">Selected rows.</param>
/// <param name="Ids">The <c>id</c> of each row.</param>
/// <param name="Rows">The row address of each row (default when the request left them out).</param>
/// <param name="InputPositions">For key probes, the probe position of each row; empty for scans.</param>
/// <param name="Columns">The requested columns of the selected rows.</param>
[GenerateSerializer]
[Immutable]
public sealed record TableSelection(
    [property: Id(0)] int RowCount,
    [property: Id(1)] Utf8Column Ids,
    [property: Id(2)] ImmutableArray<RowAddress> Rows,
    [property: Id(3)] ImmutableArray<int> InputPositions,
    [property: Id(4)] RecordBatch Columns)
{
    /// <summary>
    /// For a ranked search (<see cref="TableSelectionRequest.Ranking"/>), each row's score, rows best first: BM25 score
    /// (higher is better), distance (lower is better) or fused RRF score (higher is better). Empty otherwise.
    /// </summary>
    [Id(5)]
    public ImmutableArray<double> Scores { get; init; } = [];

    /// <summary>
    /// For an <c>rrf</c> ranking with <see cref="SearchRanking.SeparateArms"/>: each row's 0-based rank among the
    /// entities of arm 1 at <c>[row]</c> and of arm 2 at <c>[RowCount + row]</c>, -1 where the arm does not hold the
    /// row. Empty otherwise.
    /// </summary>
    [Id(6)]
    public ImmutableArray<int> ArmRanks { get; init; } = [];
}
