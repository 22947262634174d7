namespace OmniGraph.Grains.Storage.Documents;

/// <summary>
/// <c>recovery/{tx}.json</c>: written before a write's first effect and deleted last. It names everything a healer
/// needs to finish (roll forward) or undo (roll back) the write without the writer.
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

    /// <summary>The complete manifest object version <see cref="BaseVersion"/> + 1 publishes.</summary>
    public required ManifestDocument Manifest { get; init; }
}

/// <summary>One table effect of a sidecar.</summary>
internal sealed class SidecarTableDocument
{
    public required TableVersionRefDocument Expected { get; init; }

    public required TableVersionRefDocument Staged { get; init; }
}
