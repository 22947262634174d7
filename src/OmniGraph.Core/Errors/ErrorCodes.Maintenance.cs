namespace OmniGraph;

/// <summary>The codes of storage maintenance: <c>optimize</c>, <c>cleanup</c> (docs/maintenance.md).</summary>
public static partial class ErrorCodes
{
    /// <summary>Cleanup refuses while recovery sidecars are pending (a pending write may need what it would reclaim); nothing was deleted.</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string CleanupSidecarsPending = "cleanup_sidecars_pending";

    /// <summary>A maintenance command (schema apply, optimize, cleanup) was given <c>--server</c>: maintenance runs on the graph's storage only.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string MaintenanceStorageNative = "maintenance_storage_native";
}
