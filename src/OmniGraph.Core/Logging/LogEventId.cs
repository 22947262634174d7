namespace OmniGraph;

/// <summary>
/// Every log event id of the engine, in one registry (as Orleans keeps its <c>ErrorCode</c>): each <c>[LoggerMessage]</c>
/// names its member, so two messages never share an id. Ranges by area: 1000s storage, 2000s commit protocol (manifest,
/// tables, writes, merges, promotions), 3000s loads, mutations and queries, 4000s security and search, 8000s server.
/// An id, once shipped, keeps its meaning (log queries filter on it); add new events at the end of their area.
/// </summary>
public enum LogEventId
{
    /// <summary>See <c>LocalObjectStoreLog.cs</c>.</summary>
    LocalStoreOpened = 1001,
    /// <summary>See <c>LocalObjectStoreLog.cs</c>.</summary>
    LocalStoreRemovedStaleTemporaryFile = 1002,
    /// <summary>See <c>LocalObjectStoreLog.cs</c>.</summary>
    LocalStoreTemporaryFileSweepFailed = 1003,
    /// <summary>See <c>LocalObjectStoreLog.cs</c>.</summary>
    LocalStoreUnnamedTemporaryFilesUnsupported = 1004,

    /// <summary>See <c>AzureBlobObjectStoreLog.cs</c>.</summary>
    AzureBlobStoreCreatedContainer = 1101,
    /// <summary>See <c>AzureBlobObjectStoreLog.cs</c>.</summary>
    AzureBlobStoreSucceededAfterRetries = 1102,
    /// <summary>See <c>AzureBlobObjectStoreLog.cs</c>.</summary>
    AzureBlobStoreOutcomeUnknown = 1103,
    /// <summary>See <c>AzureBlobObjectStoreLog.cs</c>.</summary>
    AzureBlobStoreUnavailable = 1104,
    /// <summary>See <c>AzureBlobObjectStoreLog.cs</c>.</summary>
    AzureBlobStoreSkippedForeignBlob = 1105,
    /// <summary>See <c>AzureBlobObjectStoreLog.cs</c>.</summary>
    AzureBlobStoreChecksumMismatch = 1106,

    /// <summary>See <c>ObjectStoreGrainStorage.Log.cs</c>.</summary>
    GrainStorageRead = 1201,
    /// <summary>See <c>ObjectStoreGrainStorage.Log.cs</c>.</summary>
    GrainStorageReadMissing = 1202,
    /// <summary>See <c>ObjectStoreGrainStorage.Log.cs</c>.</summary>
    GrainStorageWritten = 1203,
    /// <summary>See <c>ObjectStoreGrainStorage.Log.cs</c>.</summary>
    GrainStorageCleared = 1204,
    /// <summary>See <c>ObjectStoreGrainStorage.Log.cs</c>.</summary>
    GrainStorageConflict = 1205,

    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestInitialized = 2000,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestCommitted = 2001,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestSidecarWriteFailed = 2002,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestPublishFailed = 2003,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestCompletionFailed = 2004,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestOrphanedHeadRepaired = 2005,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestCleanupFailed = 2006,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestHintWriteFailed = 2007,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestSidecarRefused = 2008,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestHealed = 2009,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestHealFailed = 2010,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestHeadMovedOn = 2011,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestBranchForked = 2012,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestChainGap = 2013,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestRepaired = 2014,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestWriteDenied = 2015,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestDenialAuditFailed = 2016,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestAuditAppendFailed = 2017,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestBranchDeleted = 2018,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestReclaimed = 2019,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestReclaimFailed = 2020,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestReclaimSkipped = 2021,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestOrphanSidecarDropped = 2022,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestRegistryWriteSettled = 2023,
    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    ManifestRegistryRereadFailed = 2024,

    /// <summary>See <c>TableBranchGrain.Log.cs</c>.</summary>
    TableBranchVersionLoaded = 2100,
    /// <summary>See <c>TableBranchGrain.Log.cs</c>.</summary>
    TableBranchStaged = 2101,
    /// <summary>See <c>TableBranchGrain.Log.cs</c>.</summary>
    TableBranchHeadMoved = 2102,
    /// <summary>See <c>TableBranchGrain.Log.cs</c>.</summary>
    TableBranchStagingEvicted = 2103,
    /// <summary>See <c>TableBranchGrain.Log.cs</c>.</summary>
    TableBranchHeadRepaired = 2104,
    /// <summary>See <c>TableBranchGrain.Log.cs</c>.</summary>
    TableBranchVersionResident = 2105,
    /// <summary>See <c>TableBranchGrain.Log.cs</c>.</summary>
    TableBranchMergePlanned = 2106,
    /// <summary>See <c>TableBranchGrain.Log.cs</c>.</summary>
    TableBranchIncarnationForgotten = 2107,

    /// <summary>See <c>GraphWriteCoordinator.cs</c>.</summary>
    GraphWriteReprepare = 2200,
    /// <summary>See <c>GraphWriteCoordinator.cs</c>.</summary>
    GraphWriteAbortFailed = 2201,
    /// <summary>See <c>GraphWriteCoordinator.Chained.cs</c>.</summary>
    GraphWriteChainedRefused = 2202,

    /// <summary>See <c>BranchMergeCoordinator.cs</c>.</summary>
    BranchMergeMerged = 2300,
    /// <summary>See <c>BranchMergeCoordinator.cs</c>.</summary>
    BranchMergeReprepare = 2301,

    /// <summary>See <c>PromotionCoordinator.cs</c>.</summary>
    PromotionPromoted = 2400,
    /// <summary>See <c>PromotionCoordinator.cs</c>.</summary>
    PromotionReverted = 2401,

    /// <summary>See <c>SchemaApplyCoordinator.cs</c>.</summary>
    SchemaApplied = 2500,

    /// <summary>See <c>OptimizeCoordinator.cs</c>.</summary>
    MaintenanceOptimized = 2600,

    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    MaintenanceCleanedUp = 2601,

    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    MaintenanceCleanupResumeFailed = 2602,

    /// <summary>See <c>ManifestGrain.Log.cs</c>.</summary>
    MaintenanceRepairedObjects = 2603,

    /// <summary>See <c>LoadSessionGrain.Log.cs</c>.</summary>
    LoadSessionBegun = 3000,
    /// <summary>See <c>LoadSessionGrain.Log.cs</c>.</summary>
    LoadSessionCommitted = 3001,
    /// <summary>See <c>LoadSessionGrain.Log.cs</c>.</summary>
    LoadSessionFailed = 3002,
    /// <summary>See <c>LoadSessionGrain.Log.cs</c>.</summary>
    LoadSessionAborted = 3003,
    /// <summary>See <c>LoadSessionGrain.Log.cs</c>.</summary>
    LoadSessionAbandoned = 3004,

    /// <summary>See <c>MutationExecutor.cs</c>.</summary>
    MutationPublished = 3100,
    /// <summary>See <c>MutationExecutor.cs</c>.</summary>
    MutationNoOp = 3101,
    /// <summary>See <c>MutationExecutor.cs</c>.</summary>
    MutationSchemaChanged = 3102,

    /// <summary>See <c>QueryGrain.cs</c>.</summary>
    QueryExecuted = 3200,

    /// <summary>See <c>SecurityLog.cs</c>.</summary>
    SecurityTokensLoaded = 4001,
    /// <summary>See <c>SecurityLog.cs</c>.</summary>
    SecurityTokenSourceIgnored = 4002,

    /// <summary>See <c>AuditLogLog.cs</c>.</summary>
    AuditLogLostRace = 4101,
    /// <summary>See <c>AuditLogLog.cs</c>.</summary>
    AuditLogTailNotUpdated = 4102,
    /// <summary>See <c>AuditLogLog.cs</c>.</summary>
    AuditLogClaimCompleted = 4103,
    /// <summary>See <c>AuditLogLog.cs</c>.</summary>
    AuditLogAlreadyRecorded = 4104,

    /// <summary>See <c>EmbeddingLog.cs</c>.</summary>
    EmbeddingRetrying = 4201,
    /// <summary>See <c>EmbeddingLog.cs</c>.</summary>
    EmbeddingFailed = 4202,
    /// <summary>See <c>EmbeddingLog.cs</c>.</summary>
    EmbeddingEmbedded = 4203,
    /// <summary>See <c>EmbeddingLog.cs</c>.</summary>
    EmbeddingConfigurationUnusable = 4204,

    /// <summary>See <c>ServerLog.cs</c>.</summary>
    ServerListening = 8000,
    /// <summary>See <c>ServerLog.cs</c>.</summary>
    ServerGraphOpened = 8001,
    /// <summary>See <c>ServerLog.cs</c>.</summary>
    ServerGraphQuarantined = 8002,
    /// <summary>See <c>ServerLog.cs</c>.</summary>
    ServerGraphsServed = 8003,
    /// <summary>See <c>ServerLog.cs</c>.</summary>
    ServerFolderSkipped = 8004,
    /// <summary>See <c>ServerLog.cs</c>.</summary>
    ServerRequestFailed = 8005,
    /// <summary>See <c>ServerLog.cs</c>.</summary>
    ServerStreamAborted = 8006,
    /// <summary>See <c>ServerLog.cs</c>.</summary>
    ServerStopping = 8007,
    /// <summary>See <c>ServerLog.cs</c>.</summary>
    ServerInvalidSetting = 8008,
    /// <summary>See <c>ServerLog.cs</c>.</summary>
    ServerAccessAllowed = 8009,
    /// <summary>See <c>ServerLog.cs</c>.</summary>
    ServerAccessDenied = 8010,
    /// <summary>See <c>ServerLog.cs</c>.</summary>
    ServerDenialNotAudited = 8011,
    /// <summary>See <c>ServerLog.cs</c>.</summary>
    ServerOpenModeExposed = 8012,
}
