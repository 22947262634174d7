namespace OmniGraph.Abstractions;

/// <summary>Storage maintenance on an <see cref="IGraphClient"/> (docs/maintenance.md), as calls to <see cref="IMaintenanceGrain"/>.</summary>
public static class GraphClientMaintenanceExtensions
{
    /// <summary>Compacts the tables of <paramref name="branch"/> in at most one commit.</summary>
    /// <exception cref="OmniGraphException">See <see cref="IMaintenanceGrain.OptimizeAsync"/>.</exception>
    public static Task<OptimizeOutput> OptimizeAsync(this IGraphClient client, string branch = BranchNames.Main, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Grains.GetGrain<IMaintenanceGrain>(client.GraphId).OptimizeAsync(branch, cancellationToken);
    }

    /// <summary>Reclaims history the retention of <paramref name="request"/> does not keep (a dry run unless confirmed).</summary>
    /// <exception cref="OmniGraphException">See <see cref="IMaintenanceGrain.CleanupAsync"/>.</exception>
    public static Task<CleanupOutput> CleanupAsync(this IGraphClient client, CleanupRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return client.Grains.GetGrain<IMaintenanceGrain>(client.GraphId).CleanupAsync(request, cancellationToken);
    }

    /// <summary>Classifies the drift of the stored table objects and, confirmed, carries out the verified fixes.</summary>
    /// <exception cref="OmniGraphException">See <see cref="IMaintenanceGrain.RepairAsync"/>.</exception>
    public static Task<ObjectRepairReport> RepairObjectsAsync(this IGraphClient client, ObjectRepairRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return client.Grains.GetGrain<IMaintenanceGrain>(client.GraphId).RepairAsync(request, cancellationToken);
    }
}
