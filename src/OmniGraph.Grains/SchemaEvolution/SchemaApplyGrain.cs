using Orleans.Concurrency;

namespace OmniGraph.Grains.SchemaEvolution;

/// <summary>The stateless schema-evolution surface of a graph (key: the graph id); see <see cref="SchemaApplyCoordinator"/>.</summary>
[StatelessWorker(1)]
[Reentrant]
internal sealed class SchemaApplyGrain(SchemaApplyCoordinator coordinator) : Grain, ISchemaApplyGrain
{
    /// <inheritdoc />
    public Task<SchemaApplyOutput> PlanAsync(SchemaApplyRequest request, CancellationToken cancellationToken = default) =>
        coordinator.PlanAsync(this.GetPrimaryKeyString(), request, cancellationToken);

    /// <inheritdoc />
    public Task<SchemaApplyOutput> ApplyAsync(SchemaApplyRequest request, CancellationToken cancellationToken = default) =>
        coordinator.ApplyAsync(this.GetPrimaryKeyString(), request, cancellationToken);
}
