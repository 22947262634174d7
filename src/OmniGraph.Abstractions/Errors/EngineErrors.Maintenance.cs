namespace OmniGraph.Abstractions;

public static partial class EngineErrors
{
    /// <summary><c>history_reclaimed</c>: a read of <paramref name="branch"/>'s history that cleanup reclaimed (a snapshot, a commit, a diff side).</summary>
    public static OmniGraphException HistoryReclaimedByCleanup(string branch, string? commitId, string what) =>
        new(
            ErrorCodes.HistoryReclaimed,
            $"{what} of branch '{branch}' was reclaimed by cleanup and can no longer be read; read a retained commit (commit list shows them)",
            ErrorDetails.Of(ErrorDetail.Branch.With(branch), ErrorDetail.FirstUnreadableCommitId.With(commitId), ErrorDetail.Reason.With($"{what} was reclaimed by cleanup")));

    /// <summary><c>cleanup_sidecars_pending</c>: <paramref name="command"/> found <paramref name="count"/> recovery sidecars pending; nothing was deleted.</summary>
    public static OmniGraphException CleanupSidecarsPending(int count, string firstKey, string command = "cleanup") =>
        new(
            ErrorCodes.CleanupSidecarsPending,
            $"{command} refuses while {count} recovery sidecar(s) are pending (first: {firstKey}): run omnigraph recovery status / recovery repair first; nothing was deleted",
            ErrorDetails.Of(ErrorDetail.Count.With(count), ErrorDetail.SidecarKey.With(firstKey)));

    /// <summary><c>maintenance_storage_native</c>: <paramref name="command"/> was asked to run through a server.</summary>
    public static OmniGraphException MaintenanceStorageNative(string command) =>
        new(
            ErrorCodes.MaintenanceStorageNative,
            $"'{command}' has no --server form: maintenance is storage-native (docs/maintenance.md): run it where the graph's storage is reachable, on its directory or az:// root",
            ErrorDetails.Of(ErrorDetail.Parameter.With("--server"), ErrorDetail.Reason.With($"{command} is storage-native")));

    /// <summary><c>repair_data_lost</c>: repair found <paramref name="missing"/> missing and <paramref name="corrupt"/> corrupt table objects.</summary>
    public static OmniGraphException RepairDataLost(int missing, int corrupt, string firstKey) =>
        new(
            ErrorCodes.RepairDataLost,
            $"repair found table data that is lost ({missing} missing, {corrupt} corrupt object(s); first: {firstKey}): repair never invents table data; restore these objects from a copy of the graph (the report names the commits that need each)",
            ErrorDetails.Of(ErrorDetail.Key.With(firstKey), ErrorDetail.Count.With((long)(missing + corrupt))));
}
