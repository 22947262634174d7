using System.Collections.Immutable;
using OmniGraph.Arrow;
using Orleans.Concurrency;

namespace OmniGraph.Abstractions;

/// <summary>
/// The commit protocol side of the table-branch grain (same grain, same key as <see cref="ITableBranchGrain"/>): staging
/// fragments and versions, moving, rolling back and repairing the physical head, forgetting a deleted branch's head.
/// Internal: only the engine's grains (writers, load sessions, the manifest grain) speak it, never a client.
/// </summary>
/// <remarks>
/// <para><b>Staging</b> is invisible: fragments and version objects are written durably but nothing names them until
/// the manifest grain publishes a manifest version that does. A write that never publishes leaves garbage only.</para>
/// <para><b>Head moves</b> belong to the commit protocol (the manifest grain): the physical head is grain state, moved
/// only by an ETag compare-and-swap that also checks the expected version.</para>
/// </remarks>
internal interface ITableBranchProtocol : ITableBranchGrain
{
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

    /// <summary>
    /// Stages the versions of several writes in one turn (group commit: the writes queued for this table branch, in the
    /// order they will publish): the first after <paramref name="baseVersion"/>, each next one after the version staged
    /// before it. Returns the staged versions in order. If any write is refused, nothing of the call stays staged and the
    /// first refusal is thrown (the caller prepares the writes one by one to tell whose it is).
    /// </summary>
    /// <exception cref="OmniGraphException">The first refusal of <see cref="PrepareVersionAsync"/> among the writes.</exception>
    Task<ImmutableArray<StagedTableVersion>> PrepareVersionsAsync(TableVersionRef baseVersion, ImmutableArray<TablePreparation> preparations, CancellationToken cancellationToken = default);

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
    /// of a branch created since under the same name is left alone. Returns whether a record was removed. Unless the record
    /// is such a newer branch's, the activation then deactivates, releasing the versions it loaded for the deleted branch.
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
