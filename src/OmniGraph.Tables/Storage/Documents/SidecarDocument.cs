using System.Text.Json.Serialization;

namespace OmniGraph.Tables.Storage.Documents;

/// <summary>
/// <c>recovery/{tx}.json</c>: written before a write's first effect and deleted last; one per group-commit batch (format
/// 3), named by the transaction of its last member. It names everything a healer
/// needs to finish (roll forward) or undo (roll back) the write without the writer. <see cref="BaseVersion"/> is the last
/// version published when it was written; a write committed in a group after others not yet published carries them as
/// <see cref="Predecessors"/> (format 2), so that its sidecar alone can publish the whole chain up to it.
/// </summary>
internal sealed class SidecarDocument
{
    public required int SidecarFormat { get; init; }

    public required string Tx { get; init; }

    public required string Writer { get; init; }

    public required long CreatedAt { get; init; }

    public required string Branch { get; init; }

    public required string BranchIncarnation { get; init; }

    public required long BaseVersion { get; init; }

    public required string BaseCommit { get; init; }

    public required string CommitId { get; init; }

    public required string RollbackCommitId { get; init; }

    public required string? Actor { get; init; }

    public required SidecarTableDocument[] Tables { get; init; }

    /// <summary>The complete manifest object this write publishes: version <see cref="BaseVersion"/> + 1 + the number of predecessors.</summary>
    public required ManifestDocument Manifest { get; init; }

    /// <summary>
    /// Format 2: the writes of the same group this one is based on, in version order (the first publishes
    /// <see cref="BaseVersion"/> + 1); empty for a write based on a published version. Absent in format 1.
    /// </summary>
    public SidecarLinkDocument[]? Predecessors { get; init; }

    /// <summary>
    /// The audit entry the write owes once it is published (or its fence, once rolled back), or <c>null</c> when the
    /// write is not audited. Kept here so whoever finishes the write — its writer or a heal in any process — appends it.
    /// Left out when <c>null</c>, so a sidecar of an unaudited write is what it was before the audit log.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SidecarAuditDocument? Audit { get; init; }
}

/// <summary>A write a sidecar's write is chained on: enough to publish it and move its heads.</summary>
internal sealed class SidecarLinkDocument
{
    public required string Tx { get; init; }

    public required string CommitId { get; init; }

    public required SidecarTableDocument[] Tables { get; init; }

    public required ManifestDocument Manifest { get; init; }

    /// <summary>
    /// Format 3: the audit entry this link's write owes once published (its actor is its manifest's commit actor), or
    /// <c>null</c> when it is not audited; left out when <c>null</c> (and always in format 2).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SidecarAuditDocument? Audit { get; init; }
}

/// <summary>The audit entry a sidecar's write owes (docs/security.md, "The audit log").</summary>
internal sealed class SidecarAuditDocument
{
    /// <summary>The policy action's wire name (<c>change</c>).</summary>
    public required string Action { get; init; }

    /// <summary>The policy rule that allowed the write, or <c>null</c> (no policy).</summary>
    public required string? Rule { get; init; }

    /// <summary>A promotion's source branch (audit entry format 2); left out for other writes and in sidecars written before it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SourceBranch { get; init; }

    /// <summary>A promotion's diff digest (audit entry format 2); left out for other writes and in sidecars written before it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DiffDigest { get; init; }
}

/// <summary>One table effect of a sidecar.</summary>
internal sealed class SidecarTableDocument
{
    public required TableVersionRefDocument Expected { get; init; }

    public required TableVersionRefDocument Staged { get; init; }
}
