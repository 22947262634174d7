using Orleans.Concurrency;

namespace OmniGraph.Grains.Merging;

/// <summary>The stateless merge surface of a graph (key: the graph id); see <see cref="BranchMergeCoordinator"/>.</summary>
/// <remarks>One reentrant activation per graph and silo, like the writer grain: calls interleave at their awaits, and a cancellation reaches the running call.</remarks>
[StatelessWorker(1)]
[Reentrant]
internal sealed class BranchMergeGrain(BranchMergeCoordinator coordinator) : Grain, IBranchMergeGrain
{
    /// <inheritdoc />
    public Task<BranchMergeResult> MergeAsync(BranchMergeRequest request, CancellationToken cancellationToken = default) =>
        coordinator.MergeAsync(this.GetPrimaryKeyString(), request, cancellationToken);
}
