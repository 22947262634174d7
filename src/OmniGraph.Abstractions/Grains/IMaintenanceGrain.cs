namespace OmniGraph.Abstractions;

/// <summary>Storage maintenance of a graph (key: the graph id; docs/maintenance.md). Storage-native: no server route reaches it.</summary>
public interface IMaintenanceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Compacts every table the branch owns that lists more than one fragment or hides rows behind deletion vectors: one
    /// commit (kind <c>optimize</c>) whose tables hold the same rows in the same order, so no query's result changes; no
    /// commit when nothing needs it.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>branch_not_found</c>; <c>read_set_conflict</c> when another write lands first (run it again).</exception>
    Task<OptimizeOutput> OptimizeAsync(string branch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reclaims the history no live branch, retained commit or pending write needs (see <see cref="CleanupRequest"/>);
    /// a dry run unless <see cref="CleanupRequest.Confirm"/>. Reads of reclaimed history are <c>history_reclaimed</c>.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>cleanup_sidecars_pending</c> while recovery sidecars are pending (nothing deleted).</exception>
    Task<CleanupOutput> CleanupAsync(CleanupRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Classifies the drift between the table objects the retained history names and those the store holds (missing,
    /// orphaned, corrupt; see <see cref="ObjectRepairReport"/>); with <see cref="ObjectRepairRequest.Confirm"/> deletes
    /// the verified orphans and rebuilds derived files. Never invents table data: a missing or corrupt object is reported
    /// (<see cref="ObjectRepairReport.DataLost"/>), not replaced.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>cleanup_sidecars_pending</c> while recovery sidecars are pending (nothing changed).</exception>
    Task<ObjectRepairReport> RepairAsync(ObjectRepairRequest request, CancellationToken cancellationToken = default);
}
