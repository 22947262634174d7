namespace OmniGraph.Abstractions;

/// <summary>
/// Merges one branch into another (key: the graph id): merge base over the commit graph, a three-way merge row by row
/// of every table changed on both sides, constraint checks on the merged graph, and one atomic commit on the target
/// through the commit protocol (docs/branches.md). Stateless: any number of merges run at once; two into one target
/// serialize at the commit, and the later one is prepared again from the new head.
/// </summary>
public interface IBranchMergeGrain : IGrainWithStringKey
{
    /// <summary>Merges <see cref="BranchMergeRequest.Source"/> into <see cref="BranchMergeRequest.Target"/>.</summary>
    /// <returns>The outcome; a conflicted merge wrote nothing and lists every conflict.</returns>
    /// <exception cref="OmniGraphException">Code <c>branch_not_found</c>: A branch does not exist.</exception>
    /// <exception cref="OmniGraphException">Code <c>invalid_branch_operation</c>: Source and target are the same branch, or their schemas differ.</exception>
    /// <exception cref="RecoveryRequiredException">A sidecar blocks writes to the target, or the commit failed after taking effects.</exception>
    Task<BranchMergeResult> MergeAsync(BranchMergeRequest request, CancellationToken cancellationToken = default);
}
