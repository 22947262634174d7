using Microsoft.Extensions.Logging;

namespace OmniGraph.Grains.Manifest;

internal sealed partial class ManifestGrain
{
    [LoggerMessage((int)LogEventId.ManifestInitialized, LogLevel.Information, "Graph {GraphId} initialised: schema {SchemaHash}, {NodeTypes} node types, {EdgeTypes} edge types")]
    private partial void LogInitialized(string graphId, string schemaHash, int nodeTypes, int edgeTypes);

    [LoggerMessage((int)LogEventId.ManifestCommitted, LogLevel.Debug, "Graph {GraphId}: committed {Branch} v{Version} ({CommitId}, {Tables} tables)")]
    private partial void LogCommitted(string graphId, string branch, long version, string commitId, int tables);

    [LoggerMessage((int)LogEventId.ManifestSidecarWriteFailed, LogLevel.Warning, "Graph {GraphId}: writing the sidecar of {Tx} failed; nothing took effect")]
    private partial void LogSidecarWriteFailed(string graphId, string tx, Exception exception);

    [LoggerMessage((int)LogEventId.ManifestPublishFailed, LogLevel.Error, "Graph {GraphId}: publishing the manifest of {Tx} failed; recovery decides")]
    private partial void LogPublishFailed(string graphId, string tx, Exception exception);

    [LoggerMessage((int)LogEventId.ManifestCompletionFailed, LogLevel.Warning, "Graph {GraphId}: completing committed write {Tx} (table heads, sidecar delete) failed; the next heal rolls it forward")]
    private partial void LogCompletionFailed(string graphId, string tx, Exception exception);

    [LoggerMessage((int)LogEventId.ManifestOrphanedHeadRepaired, LogLevel.Warning, "Graph {GraphId}: the head of {Table} was {Actual}, left by a write nothing covers; reset to {Expected}")]
    private partial void LogOrphanedHeadRepaired(string graphId, string table, string actual, string expected);

    [LoggerMessage((int)LogEventId.ManifestCleanupFailed, LogLevel.Warning, "Graph {GraphId}: cleanup of {Key} failed")]
    private partial void LogCleanupFailed(string graphId, string key, Exception exception);

    [LoggerMessage((int)LogEventId.ManifestHintWriteFailed, LogLevel.Warning, "Graph {GraphId}: persisting head hints failed")]
    private partial void LogHintWriteFailed(string graphId, Exception exception);

    [LoggerMessage((int)LogEventId.ManifestSidecarRefused, LogLevel.Error, "Graph {GraphId}: recovery sidecar {Key} is refused and kept: {Reason}")]
    private partial void LogSidecarRefused(string graphId, string key, string reason);

    [LoggerMessage((int)LogEventId.ManifestHealed, LogLevel.Warning, "Graph {GraphId}: healed write {Tx}: {Action} (commit {CommitId})")]
    private partial void LogHealed(string graphId, string tx, HealAction action, string? commitId);

    [LoggerMessage((int)LogEventId.ManifestHealFailed, LogLevel.Error, "Graph {GraphId}: healing write {Tx} failed; it is retried at the next write")]
    private partial void LogHealFailed(string graphId, string tx, Exception exception);

    [LoggerMessage((int)LogEventId.ManifestHeadMovedOn, LogLevel.Information, "Graph {GraphId}: the head of {Table} moved on to {Actual} before it could be rolled forward")]
    private partial void LogHeadMovedOn(string graphId, string table, string? actual);

    [LoggerMessage((int)LogEventId.ManifestBranchForked, LogLevel.Information, "Graph {GraphId}: branch {Branch} forked from {Source} v{Version}")]
    private partial void LogBranchForked(string graphId, string branch, string source, long version);

    [LoggerMessage((int)LogEventId.ManifestChainGap, LogLevel.Error, "Graph {GraphId}: branch {Branch} has lost manifest version {Missing} (version {Proven} was published); it is neither served nor written")]
    private partial void LogChainGap(string graphId, string branch, long missing, long proven);

    [LoggerMessage((int)LogEventId.ManifestRepaired, LogLevel.Warning, "Graph {GraphId}: recovery repair: {Kind} on branch {Branch}: {Detail}")]
    private partial void LogRepaired(string graphId, RepairStepKind kind, string branch, string detail);

    [LoggerMessage((int)LogEventId.ManifestWriteDenied, LogLevel.Information, "Graph {GraphId}: write to {Branch} by {Actor} denied: {Reason}")]
    private partial void LogWriteDenied(string graphId, string branch, string? actor, string? reason);

    [LoggerMessage((int)LogEventId.ManifestDenialAuditFailed, LogLevel.Error, "Graph {GraphId}: recording the denial of write {Tx} in the audit log failed; the write is refused anyway")]
    private partial void LogDenialAuditFailed(string graphId, string tx, Exception exception);

    [LoggerMessage((int)LogEventId.ManifestAuditAppendFailed, LogLevel.Error, "Graph {GraphId}: write {Tx} is published as commit {CommitId}, but its audit entry could not be appended; its sidecar stays and the next heal appends it")]
    private partial void LogAuditAppendFailed(string graphId, string tx, string commitId, Exception exception);

    [LoggerMessage((int)LogEventId.ManifestBranchDeleted, LogLevel.Information, "Graph {GraphId}: branch {Branch} (incarnation {Incarnation}) deleted")]
    private partial void LogBranchDeleted(string graphId, string branch, string incarnation);

    [LoggerMessage((int)LogEventId.ManifestReclaimed, LogLevel.Information, "Graph {GraphId}: reclaimed {Objects} objects of deleted branch {Branch} (incarnation {Incarnation})")]
    private partial void LogReclaimed(string graphId, string branch, string incarnation, long objects);

    [LoggerMessage((int)LogEventId.ManifestReclaimFailed, LogLevel.Warning, "Graph {GraphId}: reclaiming deleted branch {Branch} (incarnation {Incarnation}) stopped; the next branch create or delete finishes it")]
    private partial void LogReclaimFailed(string graphId, string branch, string incarnation, Exception exception);

    [LoggerMessage((int)LogEventId.ManifestReclaimSkipped, LogLevel.Warning, "Graph {GraphId}: reclaim of {Branch} left {Key}: it cannot be read, so the objects it names stay for recovery status to report")]
    private partial void LogReclaimSkipped(string graphId, string branch, string key);

    [LoggerMessage((int)LogEventId.ManifestOrphanSidecarDropped, LogLevel.Warning, "Graph {GraphId}: recovery sidecar {Key} is a write to deleted branch {Branch}; dropped")]
    private partial void LogOrphanSidecarDropped(string graphId, string key, string branch);

    [LoggerMessage((int)LogEventId.ManifestRegistryWriteSettled, LogLevel.Information, "Graph {GraphId}: a branch registry write failed ({Failure}) but the registry read back holds it: it was applied and only its answer lost")]
    private partial void LogRegistryWriteSettled(string graphId, string failure);

    [LoggerMessage((int)LogEventId.ManifestRegistryRereadFailed, LogLevel.Warning, "Graph {GraphId}: a branch registry write failed and the registry could not be read back to learn whether it was applied; the write's failure is reported")]
    private partial void LogRegistryRereadFailed(string graphId, Exception exception);

    [LoggerMessage((int)LogEventId.MaintenanceCleanedUp, LogLevel.Information, "Graph {GraphId}: cleanup {CleanupId} reclaimed {Objects} objects ({Bytes} bytes)")]
    private partial void LogCleanedUp(string graphId, string cleanupId, int objects, long bytes);

    [LoggerMessage((int)LogEventId.MaintenanceCleanupResumeFailed, LogLevel.Warning, "Graph {GraphId}: finishing an interrupted cleanup failed; the next cleanup retries it")]
    private partial void LogCleanupResumeFailed(string graphId, Exception exception);

    [LoggerMessage((int)LogEventId.MaintenanceRepairedObjects, LogLevel.Information, "Graph {GraphId}: repair deleted {Orphans} orphaned objects ({Bytes} bytes); {Lost} table objects are missing or corrupt")]
    private partial void LogRepairedObjects(string graphId, int orphans, long bytes, int lost);
}
