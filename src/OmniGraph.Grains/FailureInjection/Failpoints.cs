namespace OmniGraph.Grains.FailureInjection;

/// <summary>
/// The catalogue of failpoints: every durable step of the commit protocol and of recovery. Each site in the engine
/// calls <c>FailpointRegistry.BeforeAsync</c> and <c>FailpointRegistry.After</c> around its step; a guard test
/// checks that this list and the sites agree.
/// </summary>
public static class Failpoints
{
    /// <summary>
    /// Commit: making the staged objects (fragments, deletion file, table version) durable, together with the bytes of
    /// the sidecar, the commit pointer and the manifest (before any of them is published).
    /// </summary>
    public static readonly Failpoint CommitStagedFlush = new("commit.staged_flush", "flush the staged objects; write the sidecar, pointer and manifest under temporary names");

    /// <summary>Commit: publishing the recovery sidecar and the commit pointer (before any effect).</summary>
    public static readonly Failpoint CommitSidecarWrite = new("commit.sidecar_write", "create recovery/{tx}.json and commits/{commit}.json");

    /// <summary>Commit: creating manifest version base + 1 (the commit point; the write is acknowledged after it).</summary>
    public static readonly Failpoint CommitManifestPublish = new("commit.manifest_publish", "create manifests/{inc}/{base+1}.json");

    /// <summary>Commit: appending each published write's entry to the audit log (only when commits are audited; before the acknowledgement).</summary>
    public static readonly Failpoint CommitAuditAppend = new("commit.audit_append", "append audit/entries/{seq}.json for the commit");

    /// <summary>Commit, after the acknowledgement: moving one table head to the published version (hit once per table, in table-key order).</summary>
    public static readonly Failpoint CommitTableHeadAdvance = new("commit.table_head_advance", "compare-and-swap one table head to its staged version", afterAcknowledgement: true);

    /// <summary>Commit, after the acknowledgement: deleting the sidecar once the heads moved.</summary>
    public static readonly Failpoint CommitSidecarDelete = new("commit.sidecar_delete", "delete recovery/{tx}.json", afterAcknowledgement: true);

    /// <summary>Heal: publishing a sidecar's manifest when every effect is in place.</summary>
    public static readonly Failpoint HealRollForwardPublish = new("heal.roll_forward_publish", "create the sidecar's manifest version");

    /// <summary>Heal: moving a table head forward to its staged version after the manifest was published.</summary>
    public static readonly Failpoint HealHeadRollForward = new("heal.head_roll_forward", "compare-and-swap one table head to its staged version");

    /// <summary>Heal: publishing the fencing rollback commit before undoing an incomplete write.</summary>
    public static readonly Failpoint HealRollbackFence = new("heal.rollback_fence", "create manifest version base + 1 as a lineage-only rollback commit");

    /// <summary>Heal: moving one table head back to its expected version.</summary>
    public static readonly Failpoint HealHeadRollback = new("heal.head_rollback", "compare-and-swap one table head back to its expected version");

    /// <summary>Heal: appending the audit entry a resolved write (or its fence) owes (only for audited writes).</summary>
    public static readonly Failpoint HealAuditAppend = new("heal.audit_append", "append audit/entries/{seq}.json for the healed commit");

    /// <summary>Heal: deleting the sidecar once its write is resolved.</summary>
    public static readonly Failpoint HealSidecarDelete = new("heal.sidecar_delete", "delete recovery/{tx}.json");

    /// <summary>Merge: staging the merged table versions on the target (durable, invisible until the merge commits).</summary>
    public static readonly Failpoint MergeStage = new("merge.stage", "write the merged rows and table versions of the target");

    /// <summary>Promotion: creating the promotion's record (before its commit is submitted).</summary>
    public static readonly Failpoint PromotionRecord = new("promotion.record", "create promotions/{id}.json");

    /// <summary>Promotion revert: creating (or replacing a stale) revert claim (before the revert commit is submitted).</summary>
    public static readonly Failpoint PromotionRevertClaim = new("promotion.revert_claim", "create promotions/{id}.revert.json");

    /// <summary>Branch create or delete: replacing the branch registry (the moment the branch appears or disappears).</summary>
    public static readonly Failpoint BranchRegistryWrite = new("branch.registry_write", "compare-and-swap state/registry-manifest/graph.json");

    /// <summary>Branch delete: removing one table's objects of the deleted branch (hit once per table, scope = table key).</summary>
    public static readonly Failpoint BranchReclaim = new("branch.reclaim", "delete the deleted branch's table versions, own fragments and head record of one table");

    /// <summary>Schema apply: storing the new schema's source and IR (content-addressed, before anything names them).</summary>
    public static readonly Failpoint SchemaApplySchemaWrite = new("schema_apply.schema_write", "create schema/{hash}.pg and schema/{hash}.ir.json");

    /// <summary>Schema apply: clearing a stale head record left under a table name the apply introduces (scope = table key).</summary>
    public static readonly Failpoint SchemaApplyHeadReset = new("schema_apply.head_reset", "reset state/head-tablebranch/{table}@main.json of a name no published table holds");

    /// <summary>Schema apply: staging the rewritten tables (fragments and table versions in the new layout).</summary>
    public static readonly Failpoint SchemaApplyStage = new("schema_apply.stage", "write the rewritten tables' fragments and table versions");

    /// <summary>Cleanup: creating the journal of what it reclaims (before anything is recorded or deleted).</summary>
    public static readonly Failpoint CleanupJournalWrite = new("cleanup.journal_write", "create maintenance/cleanup/{id}.json");

    /// <summary>Cleanup: recording the retention floors (from then on reclaimed history is history_reclaimed).</summary>
    public static readonly Failpoint CleanupFloorsRecord = new("cleanup.floors_record", "compare-and-swap state/registry-manifest/graph.json with the floors");

    /// <summary>Cleanup: deleting one kind of object (scope: commit_pointers, manifests, table_versions, data_objects, in that order).</summary>
    public static readonly Failpoint CleanupDelete = new("cleanup.delete", "delete the journal's objects of one kind");

    /// <summary>Cleanup: recording the cleanup as complete.</summary>
    public static readonly Failpoint CleanupComplete = new("cleanup.complete", "compare-and-swap state/registry-manifest/graph.json: the cleanup is complete");

    /// <summary>Repair: deleting one kind of verified orphan (scope: table_versions, data_objects, in that order).</summary>
    public static readonly Failpoint RepairDelete = new("repair.delete", "delete the verified orphans of one kind");

    /// <summary>Repair: rewriting the table head records of one branch from its published head (they are derived).</summary>
    public static readonly Failpoint RepairHeadRecords = new("repair.head_records", "rewrite state/head-tablebranch/{table}@{branch}.json from the head manifest");

    /// <summary>Every failpoint, in catalogue order.</summary>
    public static ImmutableArray<Failpoint> All { get; } =
    [
        CommitStagedFlush,
        CommitSidecarWrite,
        CommitManifestPublish,
        CommitAuditAppend,
        CommitTableHeadAdvance,
        CommitSidecarDelete,
        HealRollForwardPublish,
        HealHeadRollForward,
        HealRollbackFence,
        HealHeadRollback,
        HealAuditAppend,
        HealSidecarDelete,
        MergeStage,
        PromotionRecord,
        PromotionRevertClaim,
        BranchRegistryWrite,
        BranchReclaim,
        SchemaApplySchemaWrite,
        SchemaApplyHeadReset,
        SchemaApplyStage,
        CleanupJournalWrite,
        CleanupFloorsRecord,
        CleanupDelete,
        CleanupComplete,
        RepairDelete,
        RepairHeadRecords,
    ];
}
