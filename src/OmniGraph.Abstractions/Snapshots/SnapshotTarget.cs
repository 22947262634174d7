namespace OmniGraph.Abstractions;

/// <summary>What a read resolves to a snapshot: a branch head, an exact manifest version of a branch, or a commit.</summary>
/// <param name="Kind">Which form.</param>
/// <param name="Branch">The branch (head and manifest-version forms).</param>
/// <param name="ManifestVersion">The manifest version (manifest-version form).</param>
/// <param name="CommitId">The commit id (commit form).</param>
[GenerateSerializer]
[Immutable]
public sealed record SnapshotTarget(
    [property: Id(0)] SnapshotTargetKind Kind,
    [property: Id(1)] string? Branch,
    [property: Id(2)] long? ManifestVersion,
    [property: Id(3)] string? CommitId)
{
    /// <summary>The latest manifest version of <paramref name="branch"/> (strongly consistent).</summary>
    public static SnapshotTarget Head(string branch = BranchNames.Main)
    {
        ArgumentException.ThrowIfNullOrEmpty(branch);
        return new(SnapshotTargetKind.BranchHead, branch, null, null);
    }

    /// <summary>Manifest version <paramref name="version"/> of <paramref name="branch"/>.</summary>
    public static SnapshotTarget AtVersion(string branch, long version)
    {
        ArgumentException.ThrowIfNullOrEmpty(branch);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return new(SnapshotTargetKind.ManifestVersion, branch, version, null);
    }

    /// <summary>The manifest version commit <paramref name="commitId"/> produced.</summary>
    public static SnapshotTarget AtCommit(string commitId)
    {
        ArgumentException.ThrowIfNullOrEmpty(commitId);
        return new(SnapshotTargetKind.Commit, null, null, commitId);
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        SnapshotTargetKind.BranchHead => $"head of {Branch}",
        SnapshotTargetKind.ManifestVersion => $"{Branch} v{ManifestVersion}",
        _ => $"commit {CommitId}",
    };
}

/// <summary>Forms of <see cref="SnapshotTarget"/>.</summary>
public enum SnapshotTargetKind
{
    /// <summary>The branch's latest manifest version.</summary>
    BranchHead,

    /// <summary>An exact manifest version of a branch.</summary>
    ManifestVersion,

    /// <summary>The manifest version a commit produced.</summary>
    Commit,
}
