namespace OmniGraph.Abstractions;

/// <summary>
/// Diffs, per-commit changes, the change feed and change baselines of one graph (key: the graph id; docs/branches.md,
/// "Diffs and changes"). Stateless: every cursor and page token carries its own position, bound by a digest to the
/// graph, the branch incarnation, the filter and the request it continues.
/// </summary>
public interface IGraphChangesGrain : IGrainWithStringKey
{
    /// <summary>The net diff between two read targets.</summary>
    /// <exception cref="OmniGraphException">Codes <c>branch_not_found</c>, <c>commit_not_found</c>, <c>snapshot_not_found</c>, <c>stale_branch_incarnation</c>: A side cannot be resolved.</exception>
    /// <exception cref="OmniGraphException">Code <c>schema_boundary</c>: A type is laid out differently on the two sides.</exception>
    Task<ChangeSetOutput> DiffAsync(GraphDiffRequest request, CancellationToken cancellationToken = default);

    /// <summary>A page of a commit's exact changes against its first parent.</summary>
    /// <exception cref="OmniGraphException">Code <c>commit_not_found</c> / <c>stale_branch_incarnation</c>: No such live commit.</exception>
    /// <exception cref="OmniGraphException">Code <c>parentless_commit</c>: The genesis commit.</exception>
    /// <exception cref="OmniGraphException">Code <c>change_cursor_rejected</c>: A page token that is malformed or belongs to another commit or filter.</exception>
    /// <exception cref="OmniGraphException">Code <c>invalid_change_request</c> / <c>resource_limit</c>: A limit of 0, or above the maximum.</exception>
    Task<CommitChangesOutput> GetCommitChangesAsync(CommitChangesRequest request, CancellationToken cancellationToken = default);

    /// <summary>A page of a branch's change feed.</summary>
    /// <exception cref="OmniGraphException">Code <c>branch_not_found</c>: No such branch.</exception>
    /// <exception cref="OmniGraphException">Code <c>change_cursor_rejected</c>: A cursor or token that is malformed, or issued for another graph, branch incarnation or filter.</exception>
    /// <exception cref="OmniGraphException">Code <c>history_reclaimed</c>: The history the cursor continues from can no longer be read.</exception>
    /// <exception cref="OmniGraphException">Code <c>invalid_change_request</c> / <c>resource_limit</c>: Parameters that do not fit.</exception>
    Task<ChangeFeedOutput> PollAsync(ChangeFeedRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Pins the branch head and returns the cursor positioned there (the last line of a baseline) and the types to
    /// export: the caller exports exactly that commit (<see cref="ExportRequest.CommitId"/>) and writes the record last.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>branch_not_found</c>: No such branch.</exception>
    Task<ChangeBaselinePlan> BeginBaselineAsync(ChangeBaselineRequest request, CancellationToken cancellationToken = default);
}
