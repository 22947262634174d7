using Orleans.Concurrency;

namespace OmniGraph.Grains.Maintenance;

/// <summary>The stateless maintenance surface of a graph (key: the graph id); see <see cref="OptimizeCoordinator"/>.</summary>
[StatelessWorker(1)]
[Reentrant]
internal sealed class MaintenanceGrain(OptimizeCoordinator optimizer) : Grain, IMaintenanceGrain
{
    /// <inheritdoc />
    public Task<OptimizeOutput> OptimizeAsync(string branch, CancellationToken cancellationToken = default) =>
        optimizer.OptimizeAsync(this.GetPrimaryKeyString(), branch, cancellationToken);

    /// <inheritdoc />
    public Task<CleanupOutput> CleanupAsync(CleanupRequest request, CancellationToken cancellationToken = default) =>
        GrainFactory.GetGrain<IManifestProtocol>(this.GetPrimaryKeyString()).ReclaimHistoryAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<ObjectRepairReport> RepairAsync(ObjectRepairRequest request, CancellationToken cancellationToken = default) =>
        GrainFactory.GetGrain<IManifestProtocol>(this.GetPrimaryKeyString()).RepairObjectsAsync(request, cancellationToken);
}
