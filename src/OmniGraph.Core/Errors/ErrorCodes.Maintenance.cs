namespace OmniGraph;

/// <summary>The codes of storage maintenance: <c>optimize</c>, <c>cleanup</c>, <c>repair</c> (docs/maintenance.md).</summary>
public static partial class ErrorCodes
{
    /// <summary>Cleanup and repair refuse while recovery sidecars are pending (a pending write may need what they would delete); nothing was deleted.</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string CleanupSidecarsPending = "cleanup_sidecars_pending";

    /// <summary>A maintenance command (schema apply, optimize, cleanup) was given <c>--server</c>: maintenance runs on the graph's storage only.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string MaintenanceStorageNative = "maintenance_storage_native";

    /// <summary>Repair found table data that is lost (a missing or corrupt fragment, deletion file or table version): it never invents data; restore the objects from a copy.</summary>
    [ErrorCode(ErrorKind.Integrity)]
    public const string RepairDataLost = "repair_data_lost";
}
