using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>
/// What <see cref="ITableBranchGrain.SelectAsync"/> reads: the live rows of a version, or only those with the given ids,
/// that satisfy every filter, projected to some columns. The grain picks the access path itself: the key index for
/// ids, a <c>@unique</c> or <c>@index</c> index for an equality filter on such a column, otherwise a vectorized scan.
/// </summary>
/// <param name="Keys">Ids to probe (in caller order; results report the probe position), or <c>null</c> for every row.</param>
/// <param name="Filters">Conjunctive filters (possibly empty).</param>
/// <param name="Columns">Columns to return for the selected rows (may be empty: ids and addresses come anyway).</param>
[GenerateSerializer]
[Immutable]
public sealed record TableSelectionRequest(
    [property: Id(0)] KeyBatch? Keys,
    [property: Id(1)] ImmutableArray<ColumnPredicate> Filters,
    [property: Id(2)] ImmutableArray<string> Columns)
{
    /// <summary>Every live row, unfiltered, with no extra column.</summary>
    public static TableSelectionRequest All { get; } = new(null, [], []);

    /// <summary>When <c>true</c> only <see cref="TableSelection.RowCount"/> is filled (ids, addresses and columns stay empty).</summary>
    [Id(3)]
    public bool CountOnly { get; init; }

    /// <summary>
    /// Whether <see cref="TableSelection.Rows"/> is filled (default). A caller that fetched every column it needs can
    /// leave the addresses out and save building one entry per selected row.
    /// </summary>
    [Id(4)]
    public bool IncludeRowAddresses { get; init; } = true;

    /// <summary>
    /// A ranked search over the selected rows (<c>bm25</c>, <c>nearest</c>, <c>rrf</c>), or <c>null</c>. The filters
    /// (full-text matches included) narrow the candidates first; the result holds the ranked rows, best first, with
    /// <see cref="TableSelection.Scores"/>.
    /// </summary>
    [Id(5)]
    public SearchRanking? Ranking { get; init; }
}
