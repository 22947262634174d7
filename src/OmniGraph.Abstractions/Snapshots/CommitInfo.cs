namespace OmniGraph.Abstractions;

/// <summary>
/// A graph commit: the lineage record published together with exactly one manifest version.
/// </summary>
/// <param name="Id">The commit id (ULID).</param>
/// <param name="Branch">The branch the commit was made on.</param>
/// <param name="ManifestVersion">The manifest version the commit produced on that branch.</param>
/// <param name="ParentId">The previous head commit of the branch, or <c>null</c> for the genesis commit.</param>
/// <param name="MergedParentId">The merged source head for a merge commit, otherwise <c>null</c>.</param>
/// <param name="Actor">Who made the write, when known; <c>omnigraph:recovery</c> for recovery commits.</param>
/// <param name="CreatedAt">Microseconds since the Unix epoch.</param>
/// <param name="Kind">What produced it: <c>init</c>, <c>load</c>, <c>mutation</c>, <c>recovery_rollback</c>, ...</param>
[GenerateSerializer]
[Immutable]
public sealed record CommitInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Branch,
    [property: Id(2)] long ManifestVersion,
    [property: Id(3)] string? ParentId,
    [property: Id(4)] string? MergedParentId,
    [property: Id(5)] string? Actor,
    [property: Id(6)] long CreatedAt,
    [property: Id(7)] string Kind)
{
    /// <summary>The actor recorded on commits made by recovery.</summary>
    public const string RecoveryActor = "omnigraph:recovery";

    /// <summary>The commit in the CLI/HTTP shape (<c>graph_branch</c> is <c>null</c> for main).</summary>
    public CommitOutput ToOutput() => new(
        Id,
        string.Equals(Branch, BranchNames.Main, StringComparison.Ordinal) ? null : Branch,
        ManifestVersion,
        ParentId,
        MergedParentId,
        Actor,
        CreatedAt);
}
