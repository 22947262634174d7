using System.Collections.Immutable;
using OmniGraph.Arrow;
using Orleans.Concurrency;

namespace OmniGraph.Engine;

/// <summary>
/// One table on one branch of one graph (key <c>{graph}/{table}@{branch}</c>, see <see cref="GraphGrainKeys"/>): the
/// only writer of that table on that branch. It keeps its versions warm (fragments as zero-copy Arrow columns, deletion
/// masks, derived indexes) and serves reads at any pinned version.
/// </summary>
/// <remarks>
/// <para><b>Reads</b> are <see cref="AlwaysInterleaveAttribute"/>: versions are immutable, so a read never waits
/// behind a write being prepared. A read may name any version of the table (any chain); it is loaded on demand and kept
/// in a small cache, so time travel works from any grain, and the version's own chain grain keeps it warmest.</para>
/// <para><b>Staging</b> is invisible: fragments and version objects are written durably but nothing names them until
/// the manifest grain publishes a manifest version that does. A write that never publishes leaves garbage only.</para>
/// <para><b>Head moves</b> belong to the commit protocol (the manifest grain): the physical head is grain state, moved
/// only by an ETag compare-and-swap that also checks the expected version.</para>
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
    /// Writes <paramref name="batch"/> as a fragment file now (durably) and remembers it for <paramref name="tx"/>. Large
    /// batches are split into fragments of bounded size. Interleaves with other calls, so a load can keep several
    /// fragment writes in flight.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_write</c>: The batch does not have the table's layout.</exception>
    [AlwaysInterleave]
    Task<ImmutableArray<StagedFragment>> StageFragmentAsync(string tx, [Immutable] RecordBatch batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stages the next version of the table after <paramref name="baseVersion"/>: writes the delta's inline batches as
    /// fragments, deletion vectors for replaced and deleted rows and the version object (all in parallel), and returns
    /// the staged version. Costs what the change costs, not what the table holds (indexes are carried over incrementally).
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>key_conflict</c>: A strict insert of an id that is live in the base (or repeated).</exception>
    /// <exception cref="OmniGraphException">Code <c>invalid_write</c>: Batches that do not have the table's layout; deletes with an overwrite.</exception>
    Task<StagedTableVersion> PrepareVersionAsync(string tx, TableVersionRef baseVersion, TableDelta delta, CancellationToken cancellationToken = default);

    /// <summary>Forgets what was staged for <paramref name="tx"/> (the objects become unreferenced garbage).</summary>
    Task AbortAsync(string tx);

    /// <summary>
    /// Moves the physical head from <see cref="TableHeadMove.Expected"/> to <see cref="TableHeadMove.Staged"/> (ETag
    /// compare-and-swap, durable) and records the manifest version the move's write publishes. The staged version may be
    /// several versions past the expected one: a group of commits moves each head once, to its last version. A table that
    /// never moved on this branch accepts its version 0 or the version it inherits from a fork.
    /// </summary>
    /// <exception cref="TableHeadConflictException">The head is not the expected version.</exception>
    /// <exception cref="CorruptObjectException">The stored head record belongs to another table or branch.</exception>
    /// <remarks>
    /// Head calls interleave with the grain's staging (a head write waits on the disk, and must not hold up the next
    /// write's preparation of the table); the grain orders head calls among themselves.
    /// </remarks>
    [AlwaysInterleave]
    Task AdvanceHeadAsync(TableHeadMove move);

    /// <summary>
    /// Moves the head back from <paramref name="staged"/> to <paramref name="expected"/> (recovery, and a writer undoing
    /// its own head moves). A no-op when the head is not <paramref name="staged"/>; returns the head afterwards.
    /// </summary>
    /// <exception cref="TableHeadConflictException">Another writer moved the stored head twice while this rolled back.</exception>
    /// <remarks>
    /// Head calls interleave with the grain's staging (a head write waits on the disk, and must not hold up the next
    /// write's preparation of the table); the grain orders head calls among themselves.
    /// </remarks>
    [AlwaysInterleave]
    Task<TableVersionRef?> RollBackHeadAsync(string tx, TableVersionRef staged, TableVersionRef expected);

    /// <summary>The physical head (<c>null</c> when the table never moved on this branch), re-read from storage when <paramref name="refresh"/>.</summary>
    /// <remarks>
    /// Head calls interleave with the grain's staging (a head write waits on the disk, and must not hold up the next
    /// write's preparation of the table); the grain orders head calls among themselves.
    /// </remarks>
    [AlwaysInterleave]
    Task<TableVersionRef?> GetHeadAsync(bool refresh);

    /// <summary>The stored head record with what it says about the write that moved it (integrity checks, recovery).</summary>
    /// <exception cref="CorruptObjectException">The record belongs to another table or branch.</exception>
    /// <remarks>
    /// Head calls interleave with the grain's staging (a head write waits on the disk, and must not hold up the next
    /// write's preparation of the table); the grain orders head calls among themselves.
    /// </remarks>
    [AlwaysInterleave]
    Task<TableHeadRecord> GetHeadRecordAsync(bool refresh, CancellationToken cancellationToken = default);

    /// <summary>
    /// Branch delete: removes this table's head record on the branch name if it belongs to the deleted
    /// <paramref name="incarnation"/> (its head is on that incarnation's chain, a version it inherited, or none); a record
    /// of a branch created since under the same name is left alone. Returns whether a record was removed.
    /// </summary>
    Task<bool> ForgetIncarnationAsync(string incarnation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Recovery repair only: rewrites the head record as <paramref name="published"/>, the version the verified published
    /// head names (a head record is derived state). Replaces whatever record is stored, under its ETag.
    /// </summary>
    /// <remarks>
    /// Head calls interleave with the grain's staging (a head write waits on the disk, and must not hold up the next
    /// write's preparation of the table); the grain orders head calls among themselves.
    /// </remarks>
    [AlwaysInterleave]
    Task RepairHeadAsync(TableVersionRef published);
}
