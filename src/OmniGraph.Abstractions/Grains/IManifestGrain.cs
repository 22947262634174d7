using System.Collections.Immutable;
using Orleans.Concurrency;

namespace OmniGraph.Abstractions;

/// <summary>
/// The graph's single visibility door (key: the graph id): branch registry, snapshot resolution, commit lookup and
/// listing, commits (one manifest version per write, by create-if-absent; the protocol side is the internal
/// <see cref="IManifestProtocol"/>) and recovery (heal of sidecars on activation and at every write entry).
/// </summary>
/// <remarks>
/// Commits and heals run one at a time per activation. Reads are <see cref="AlwaysInterleaveAttribute"/>: a snapshot
/// resolve never waits for a commit in progress (it sees the version before or after it).
/// </remarks>
public interface IManifestGrain : IGrainWithStringKey
{
    /// <summary>Creates the graph: stamps the root, stores the schema and publishes the genesis manifest (version 1, every table empty) on main.</summary>
    /// <exception cref="OmniGraphException">Code <c>already_initialized</c>: The root already holds a graph, or another init won the race.</exception>
    Task<CommitInfo> InitializeAsync(GraphInitRequest request, CancellationToken cancellationToken = default);

    /// <summary>Resolves a snapshot: a branch head (probing for newer versions, so it is strongly consistent), an exact manifest version, or a commit.</summary>
    [AlwaysInterleave]
    Task<GraphSnapshot> ResolveSnapshotAsync(SnapshotTarget target, CancellationToken cancellationToken = default);

    /// <summary>A published commit by id, on any branch.</summary>
    [AlwaysInterleave]
    Task<CommitInfo> GetCommitAsync(string commitId, CancellationToken cancellationToken = default);

    /// <summary>The commits reachable from a branch head, newest first (inherited commits of a fork included), at most <paramref name="limit"/>.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<CommitInfo>> ListCommitsAsync(string branch, int limit, CancellationToken cancellationToken = default);

    /// <summary>The schema of a snapshot (the branch head's when <paramref name="schemaHash"/> is <c>null</c>).</summary>
    [AlwaysInterleave]
    Task<SchemaOutput> GetSchemaAsync(string? schemaHash, CancellationToken cancellationToken = default);

    /// <summary>The branches, main first, then by name.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<BranchInfo>> ListBranchesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates branch <paramref name="name"/> at the head of branch <paramref name="from"/> (default main), or at commit
    /// <paramref name="from"/> of any live branch: a registry entry only (no manifest, no commit, no data copied). Tables
    /// fork lazily, on the branch's first write to each.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_branch_name</c>: The name breaks the naming rules (or is <c>main</c>).</exception>
    /// <exception cref="OmniGraphException">Code <c>branch_exists</c> / <c>branch_name_collision</c>: The name (or a path ancestor or descendant of it) is taken.</exception>
    /// <exception cref="OmniGraphException">Code <c>branch_not_found</c>: <paramref name="from"/> is neither a branch nor a commit.</exception>
    Task<BranchInfo> CreateBranchAsync(string name, string? from = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes branch <paramref name="name"/>: it disappears from the registry at once (its incarnation is never served
    /// again), then its objects are reclaimed as derived state (manifest versions, its own table versions and fragments,
    /// head records, commit pointers). Irreversible.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_branch_operation</c>: <c>main</c> (or an internal ref).</exception>
    /// <exception cref="OmniGraphException">Code <c>branch_not_found</c>.</exception>
    /// <exception cref="OmniGraphException">Code <c>branch_in_use</c>: Another branch was forked from it.</exception>
    /// <exception cref="RecoveryRequiredException">A write to the branch is pending recovery.</exception>
    Task<BranchDeletion> DeleteBranchAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// The merge base of two commits: among their common ancestors (over first and merged parents), the one nearest to
    /// both (least sum of distances; then the latest). <c>null</c> when they share none.
    /// </summary>
    [AlwaysInterleave]
    Task<CommitInfo?> FindMergeBaseAsync(string sourceCommitId, string targetCommitId, CancellationToken cancellationToken = default);

    /// <summary>The storage format version of the graph (<c>internal_schema_version</c>).</summary>
    [AlwaysInterleave]
    Task<int> GetStorageVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Heals every sidecar that can be healed now and reports what is left.</summary>
    Task<HealReport> HealAsync(CancellationToken cancellationToken = default);

    /// <summary>The sidecars still present after the last heal.</summary>
    [AlwaysInterleave]
    Task<RecoveryStatus> GetRecoveryStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Examines the whole graph (<c>omnigraph recovery status</c>): heals what can be healed, then checks every branch's
    /// chain, head records and figures and lists what crashed writes left behind. Reads the whole history.
    /// </summary>
    Task<RecoveryExamination> ExamineAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Plans, and with <see cref="RepairRequest.Apply"/> carries out, the repairs that can be verified first
    /// (<c>omnigraph recovery repair</c>): rebuild head records from the published head, republish lost manifest versions
    /// from the table heads, or (only when asked) close a gap that cannot be rebuilt. Anything else is refused with the
    /// reason. docs/commits-and-recovery.md describes each action.
    /// </summary>
    Task<RepairReport> RepairAsync(RepairRequest request, CancellationToken cancellationToken = default);
}
