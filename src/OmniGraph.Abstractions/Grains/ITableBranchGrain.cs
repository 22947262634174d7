using System.Collections.Immutable;
using OmniGraph.Arrow;
using Orleans.Concurrency;

namespace OmniGraph.Abstractions;

/// <summary>
/// One table on one branch of one graph (key <c>{graph}/{table}@{branch}</c>, see <see cref="GraphGrainKeys"/>): the
/// only writer of that table on that branch. It keeps its versions warm (fragments as zero-copy Arrow columns, deletion
/// masks, derived indexes) and serves reads at any pinned version.
/// </summary>
/// <remarks>
/// <para><b>Reads</b> are <see cref="AlwaysInterleaveAttribute"/>: versions are immutable, so a read never waits
/// behind a write being prepared. A read may name any version of the table (any chain); it is loaded on demand and kept
/// in a small cache, so time travel works from any grain, and the version's own chain grain keeps it warmest.</para>
/// <para>This is the read surface a client may call. Staging and head moves are the commit protocol between grains,
/// <see cref="ITableBranchProtocol"/> (internal): a client never stages or moves a head.</para>
/// </remarks>
public interface ITableBranchGrain : IGrainWithStringKey
{
    /// <summary>Row and fragment counts of a version.</summary>
    [AlwaysInterleave]
    Task<TableVersionInfo> GetVersionInfoAsync(TableVersionRef version, CancellationToken cancellationToken = default);

    /// <summary>All live rows of a version, projected to <paramref name="columns"/> (every column when empty), in storage order.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_write</c>: A column the table does not have.</exception>
    [AlwaysInterleave]
    Task<TableScanResult> ScanAsync(TableVersionRef version, ImmutableArray<string> columns, CancellationToken cancellationToken = default);

    /// <summary>A page of at most <paramref name="maxRows"/> live rows starting at <paramref name="start"/> (the beginning when <c>null</c>), in storage order.</summary>
    [AlwaysInterleave]
    Task<TableRowPage> ReadRowsAsync(TableVersionRef version, RowAddress? start, int maxRows, ImmutableArray<string> columns, CancellationToken cancellationToken = default);

    /// <summary>For each id, whether a live row has it.</summary>
    [AlwaysInterleave]
    Task<bool[]> ContainsKeysAsync(TableVersionRef version, KeyBatch keys, CancellationToken cancellationToken = default);

    /// <summary>The live rows of the given ids, projected; ids without a row are left out.</summary>
    [AlwaysInterleave]
    Task<KeyLookupResult> LookupAsync(TableVersionRef version, KeyBatch keys, ImmutableArray<string> columns, CancellationToken cancellationToken = default);

    /// <summary>
    /// The holder of each tuple of <c>@unique</c> constraint number <paramref name="constraintOrdinal"/> of the table's
    /// type (<c>GraphElementType.UniqueConstraints</c> order). <paramref name="values"/> has the constraint's columns,
    /// in constraint order, one probe per row.
    /// </summary>
    [AlwaysInterleave]
    Task<UniqueProbeResult> ProbeUniqueAsync(TableVersionRef version, int constraintOrdinal, [Immutable] RecordBatch values, CancellationToken cancellationToken = default);

    /// <summary>The live edges adjacent to each node id (edge tables only).</summary>
    [AlwaysInterleave]
    Task<EdgeExpansion> ExpandAsync(TableVersionRef version, EdgeDirection direction, KeyBatch nodeIds, CancellationToken cancellationToken = default);

    /// <summary>The number of live outgoing edges of each source node id (edge tables only).</summary>
    [AlwaysInterleave]
    Task<long[]> CountOutgoingAsync(TableVersionRef version, KeyBatch sourceIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Query read: the live rows (all, or those with the given ids) that satisfy every filter, with their ids, row
    /// addresses and the requested columns. The grain chooses the access path (key index, <c>@unique</c>/<c>@index</c>
    /// index for an equality filter, vectorized scan); the result does not depend on it.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_request</c>: A column the table does not have, or a filter its column type cannot answer.</exception>
    [AlwaysInterleave]
    Task<TableSelection> SelectAsync(TableVersionRef version, TableSelectionRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Diagnostics: what the grain's search indexes (full-text and vector, derived state held in memory per table
    /// version, never persisted) hold for <paramref name="version"/>, and how many it has built.
    /// </summary>
    [AlwaysInterleave]
    Task<SearchIndexStatistics> GetSearchIndexStatisticsAsync(TableVersionRef version, CancellationToken cancellationToken = default);

    /// <summary>Query read: the requested columns of the rows at <paramref name="rows"/> (addresses of this version), in that order.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_request</c>: A column the table does not have, or an address outside the version.</exception>
    [AlwaysInterleave]
    [return: Immutable]
    Task<RecordBatch> GatherAsync(TableVersionRef version, ImmutableArray<RowAddress> rows, ImmutableArray<string> columns, CancellationToken cancellationToken = default);

    /// <summary>
    /// Query read (edge tables only): follows the edges from each source node id along the adjacency indexes, one or
    /// several hops (breadth-first with a visited set per source, see <see cref="TraversalRequest"/>).
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_request</c>: Not an edge table, invalid hop bounds, or an edge output with several hops.</exception>
    [AlwaysInterleave]
    Task<TraversalResult> TraverseAsync(TableVersionRef version, TraversalRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Merge read: the three-way merge of this table (docs/branches.md) between <paramref name="mergeBase"/> (the table at
    /// the merge base), <paramref name="source"/> and <paramref name="target"/>: the source rows the target takes, the ids
    /// it deletes, and the conflicts. Only ids the source changed since the base are examined, found from the versions'
    /// fragment lists: the cost follows the change, not the table. Any version may be named (any chain).
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_request</c>: The versions are laid out differently (a schema change between them).</exception>
    [AlwaysInterleave]
    Task<TableMergePlan> PlanMergeAsync(TableVersionRef mergeBase, TableVersionRef source, TableVersionRef target, CancellationToken cancellationToken = default);

    /// <summary>
    /// Change read: the ids whose stored row differs between <paramref name="from"/> and <paramref name="to"/> (two
    /// versions of this table, any chains; version 0 is the empty table), with their operation and both images, a page at
    /// a time in id order. Rows rewritten with identical values are no change. The ids are found from the versions'
    /// fragment lists and deletion vectors, as a merge finds them: the cost follows the change, not the table.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>schema_boundary</c>: The versions are laid out differently.</exception>
    [AlwaysInterleave]
    Task<TableChangePage> ReadChangesAsync(TableVersionRef from, TableVersionRef to, TableChangeRequest request, CancellationToken cancellationToken = default);
}
