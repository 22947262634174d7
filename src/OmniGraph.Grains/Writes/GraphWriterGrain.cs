using Orleans.Concurrency;

namespace OmniGraph.Grains.Writes;

/// <summary>The stateless write surface of a graph (key: the graph id); see <see cref="GraphWriteCoordinator"/>.</summary>
/// <remarks>
/// One reentrant activation per graph and silo (<c>[StatelessWorker(1)]</c>, <c>[Reentrant]</c>): calls interleave at
/// their awaits (the grain keeps no per-call state), so concurrent writes reach the write path together and share
/// rounds of flushes (group commit). Not a pool: Orleans hands a call's cancellation to an idle worker
/// of a pool, never to the busy one running the call, so a Ctrl-C would not reach it; with one worker it does.
/// </remarks>
[StatelessWorker(1)]
[Reentrant]
internal sealed class GraphWriterGrain(GraphWriteCoordinator coordinator) : Grain, IGraphWriterGrain
{
    /// <inheritdoc />
    public Task<GraphWriteResult> WriteAsync(GraphWriteRequest request, CancellationToken cancellationToken = default) =>
        coordinator.WriteAsync(this.GetPrimaryKeyString(), request, cancellationToken);
}
