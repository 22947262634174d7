using OmniGraph.Engine;
using Orleans.Concurrency;

namespace OmniGraph.Grains.Writes;

/// <summary>The stateless write surface of a graph (a pool of workers per silo, key: the graph id); see <see cref="GraphWriteCoordinator"/>.</summary>
[StatelessWorker]
internal sealed class GraphWriterGrain(GraphWriteCoordinator coordinator) : Grain, IGraphWriterGrain
{
    /// <inheritdoc />
    public Task<GraphWriteResult> WriteAsync(GraphWriteRequest request, CancellationToken cancellationToken = default) =>
        coordinator.WriteAsync(this.GetPrimaryKeyString(), request, cancellationToken);
}
