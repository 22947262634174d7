namespace OmniGraph.Grains.Manifest;

/// <summary>
/// The manifest grain's persisted state (<c>state/registry-manifest/graph.json</c> in the graph's store): the branch
/// registry beyond main (main's incarnation is in <c>graph.json</c>), the accepted schema pointer and advisory head
/// hints. The truth about heads is which manifest objects exist; hints only shorten the search on activation.
/// </summary>
internal sealed class ManifestGrainState
{
    /// <summary>Branches other than main, by name.</summary>
    public List<BranchRecord> Branches { get; set; } = [];

    /// <summary>Latest manifest version known per branch incarnation when the hint was written.</summary>
    public List<HeadHint> HeadHints { get; set; } = [];

    /// <summary>The schema of main's head when the state was last written.</summary>
    public string? SchemaHash { get; set; }

    /// <summary>
    /// Branches deleted so far, by incarnation: what makes an old commit or snapshot of a deleted (perhaps since
    /// re-created) branch a typed error rather than a silent read, and the work list of reclaiming their objects.
    /// </summary>
    public List<DeletedBranchRecord> DeletedBranches { get; set; } = [];

    /// <summary>
    /// Per branch incarnation, the lowest manifest version cleanup kept: every version below it is reclaimed history
    /// (<c>history_reclaimed</c>), recorded before any of its objects is deleted (docs/maintenance.md, "cleanup").
    /// </summary>
    public List<RetentionFloorRecord> RetentionFloors { get; set; } = [];

    /// <summary>Cleanup journals whose floors were recorded (<c>maintenance/cleanup/{id}.json</c>), in order; the last may be unfinished.</summary>
    public List<CleanupRecord> Cleanups { get; set; } = [];
}

/// <summary>The first manifest version of an incarnation cleanup kept.</summary>
internal sealed class RetentionFloorRecord
{
    public required string Incarnation { get; set; }

    public required long KeepFrom { get; set; }
}

/// <summary>A cleanup whose floors are recorded; <see cref="Complete"/> once every object its journal lists is deleted.</summary>
internal sealed class CleanupRecord
{
    public required string CleanupId { get; set; }

    public bool Complete { get; set; }
}

/// <summary>A deleted branch incarnation.</summary>
internal sealed class DeletedBranchRecord
{
    public required string Name { get; set; }

    public required string Incarnation { get; set; }

    public required long DeletedAt { get; set; }

    public required ForkPointRecord ForkedFrom { get; set; }

    /// <summary>Whether its objects (manifests, table versions, own fragments, head records, commit pointers) are gone.</summary>
    public bool Reclaimed { get; set; }
}

/// <summary>A branch of the registry.</summary>
internal sealed class BranchRecord
{
    public required string Name { get; set; }

    public required string Incarnation { get; set; }

    public required long CreatedAt { get; set; }

    public required ForkPointRecord ForkedFrom { get; set; }
}

/// <summary>The manifest version a branch forks from.</summary>
internal sealed class ForkPointRecord
{
    public required string Branch { get; set; }

    public required string Incarnation { get; set; }

    public required long ManifestVersion { get; set; }

    public required string CommitId { get; set; }
}

/// <summary>A head hint.</summary>
internal sealed class HeadHint
{
    public required string Incarnation { get; set; }

    public required long Version { get; set; }
}
