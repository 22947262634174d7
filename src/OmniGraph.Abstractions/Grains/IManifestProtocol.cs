using System.Collections.Immutable;
using Orleans.Concurrency;

namespace OmniGraph.Abstractions;

/// <summary>
/// The commit protocol side of the manifest grain (same grain, same key as <see cref="IManifestGrain"/>): a write's
/// entry, submitting its staged table versions for publication and waiting for the outcome. Internal: only the engine's
/// writers (graph writer, mutation, merge and promotion grains) speak it; a client writes through
/// <see cref="IGraphWriterGrain"/> and the other public grains.
/// </summary>
internal interface IManifestProtocol : IManifestGrain
{
    /// <summary>
    /// The entry of a write on <paramref name="branch"/>: waits until the branch's commits in flight are decided, heals
    /// the branch's sidecars that can be healed now (so the write does not prepare against a head that recovery is about to
    /// move) and returns the head snapshot to prepare against.
    /// </summary>
    /// <exception cref="RecoveryRequiredException">A sidecar that cannot be healed blocks writes to the branch.</exception>
    Task<GraphSnapshot> BeginWriteAsync(string branch, CancellationToken cancellationToken = default);

    /// <summary>
    /// The entry of a write that may chain onto the commits in flight (group commit): heals like
    /// <see cref="BeginWriteAsync"/>, then returns the snapshot the last accepted commit leaves — not yet published if a
    /// commit is in flight. A write prepared on it is published right after that commit, in the same round of flushes when
    /// it comes in time, and fails with <see cref="ReadSetChangedException"/> if that commit fails. For writes that may be
    /// re-prepared; readers never see such a snapshot.
    /// </summary>
    /// <exception cref="RecoveryRequiredException">A sidecar that cannot be healed blocks writes to the branch.</exception>
    /// <remarks>Interleaves with the commits it waits on (whose waits run throughout their rounds); the grain orders it with its other write-side calls itself.</remarks>
    [AlwaysInterleave]
    Task<GraphSnapshot> BeginChainedWriteAsync(string branch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Accepts a write whose table versions are staged, on top of the last accepted commit of its branch (heal, check the
    /// base and the caller's expected head), and queues it for publication; returns the manifest version it will publish.
    /// The group committer then makes the staged objects durable, writes the recovery sidecar and publishes the version,
    /// together with every commit queued meanwhile (each its own version and commit); the table heads move and the sidecar
    /// is deleted afterwards. <see cref="WaitForCommitAsync"/> returns the outcome.
    /// </summary>
    /// <exception cref="ReadSetChangedException">The base is not the last accepted commit of the branch; nothing is visible.</exception>
    /// <exception cref="GraphPreconditionFailedException">The expected head commit is not the head.</exception>
    /// <exception cref="RecoveryRequiredException">A sidecar blocks writes.</exception>
    /// <remarks>Interleaves with the waits of the commits in flight; the grain orders it with its other write-side calls itself.</remarks>
    [AlwaysInterleave]
    Task<long> SubmitCommitAsync(CommitRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Accepts several writes at once (group commit: writes of one actor and writer kind prepared together, each based on
    /// the one before it, the first on the last accepted commit), as <see cref="SubmitCommitAsync"/> would one after
    /// another, with one heal and one head check for all of them. Returns how many were accepted, in order; the writes
    /// after those were not (a refusal of the first is thrown; a later one is found by submitting it again).
    /// </summary>
    /// <exception cref="ReadSetChangedException">The first write's base is not the last accepted commit of the branch; nothing is visible.</exception>
    /// <exception cref="RecoveryRequiredException">A sidecar blocks writes.</exception>
    /// <remarks>Interleaves with the waits of the commits in flight; the grain orders it with its other write-side calls itself.</remarks>
    [AlwaysInterleave]
    Task<int> SubmitCommitsAsync(ImmutableArray<CommitRequest> requests, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits for the outcome of a commit submitted to this graph (<see cref="SubmitCommitAsync"/>) and returns the
    /// published commit. Cancelling stops the waiting, not the commit.
    /// </summary>
    /// <exception cref="ReadSetChangedException">Another writer took the version, or a commit this one was based on failed; nothing is visible.</exception>
    /// <exception cref="RecoveryRequiredException">The commit failed after its recovery sidecar was written (recovery decides).</exception>
    [AlwaysInterleave]
    Task<CommitInfo> WaitForCommitAsync(string commitId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cleanup (docs/maintenance.md): plans which history the retention keeps and, with
    /// <see cref="CleanupRequest.Confirm"/>, records the plan in a journal, records the retention floors (from then on
    /// reclaimed history is <c>history_reclaimed</c>) and deletes the objects only reclaimed history named.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>cleanup_sidecars_pending</c> while recovery sidecars are pending.</exception>
    Task<CleanupOutput> ReclaimHistoryAsync(CleanupRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Repair of the stored table objects (docs/maintenance.md, "repair"): what the retained history names against what
    /// the store holds; confirmed, deletes verified orphans and rebuilds derived files under the write gate.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>cleanup_sidecars_pending</c> while recovery sidecars are pending.</exception>
    Task<ObjectRepairReport> RepairObjectsAsync(ObjectRepairRequest request, CancellationToken cancellationToken = default);
}
