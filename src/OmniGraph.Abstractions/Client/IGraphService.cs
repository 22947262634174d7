using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>
/// The operations on one graph that every front-end offers, with the same inputs, outputs and typed errors whichever
/// way the graph is reached: in this process through its grains (<see cref="GrainGraphService"/>: the embedded CLI and
/// the HTTP server's handlers), or over HTTP (<c>OmniGraph.Client.HttpGraphService</c>: the CLI with <c>--server</c>,
/// application services). A command or handler written against this interface works on both.
/// </summary>
public interface IGraphService
{
    /// <summary>The graph id.</summary>
    string GraphId { get; }

    /// <summary>Runs a read query.</summary>
    Task<QueryResult> QueryAsync(QueryRequest request, CancellationToken cancellationToken = default);

    /// <summary>Runs a mutation as one commit (a compare-and-swap when <see cref="MutationRequest.ExpectedHeadCommit"/> is set).</summary>
    /// <exception cref="GraphPreconditionFailedException">The expected head is not the head; nothing was written.</exception>
    Task<ChangeOutput> MutateAsync(MutationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Loads JSONL from <paramref name="data"/> into <paramref name="branch"/> as one commit.</summary>
    Task<LoadOutput> LoadAsync(Stream data, GraphLoadMode mode, string branch = BranchNames.Main, GraphLoadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the export of a branch to <paramref name="destination"/> as JSONL, as it is produced. A failure part way
    /// leaves a truncated export that must be discarded.
    /// </summary>
    Task ExportAsync(Stream destination, ExportRequest request, CancellationToken cancellationToken = default);

    /// <summary>The <c>snapshot</c> output of a branch head.</summary>
    Task<SnapshotOutput> GetSnapshotAsync(string branch = BranchNames.Main, CancellationToken cancellationToken = default);

    /// <summary>The commits of a branch, newest first.</summary>
    Task<CommitListOutput> ListCommitsAsync(string branch = BranchNames.Main, CancellationToken cancellationToken = default);

    /// <summary>One commit.</summary>
    Task<CommitOutput> GetCommitAsync(string commitId, CancellationToken cancellationToken = default);

    /// <summary>The accepted schema of a branch head.</summary>
    Task<SchemaOutput> GetSchemaAsync(string branch = BranchNames.Main, CancellationToken cancellationToken = default);

    /// <summary>The branch names, sorted.</summary>
    Task<ImmutableArray<string>> ListBranchesAsync(CancellationToken cancellationToken = default);

    /// <summary>The net diff between two read targets (a branch, a commit id or a manifest version each).</summary>
    Task<ChangeSetOutput> DiffAsync(GraphDiffRequest request, CancellationToken cancellationToken = default);

    /// <summary>A page of a commit's exact changes against its first parent.</summary>
    Task<CommitChangesOutput> GetCommitChangesAsync(CommitChangesRequest request, CancellationToken cancellationToken = default);

    /// <summary>A page of a branch's change feed.</summary>
    Task<ChangeFeedOutput> PollChangesAsync(ChangeFeedRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a change baseline to <paramref name="destination"/> as NDJSON (the branch head's entities, then the
    /// terminal <c>{"baseline":…}</c> line) and returns the terminal record.
    /// </summary>
    Task<ChangeBaselineRecord> WriteBaselineAsync(Stream destination, ChangeBaselineRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates branch <paramref name="name"/> at the head of branch <paramref name="from"/> (default main) or at commit <paramref name="from"/>.</summary>
    Task<BranchCreateOutput> CreateBranchAsync(string name, string? from = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes branch <paramref name="name"/> and reclaims what only it referenced.</summary>
    Task<BranchDeleteOutput> DeleteBranchAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Merges a branch into another. A conflicted merge returns its conflicts (<see cref="BranchMergeOutcome.Conflicted"/>);
    /// over HTTP the result carries what the wire carries (no attempt count, the commit's kind <c>merge</c>).
    /// </summary>
    Task<BranchMergeResult> MergeBranchAsync(BranchMergeRequest request, CancellationToken cancellationToken = default);
}
