namespace OmniGraph.Grains.Merging;

/// <summary>What a merge decided before writing (<see cref="BranchMergeCoordinator.PrepareAsync"/>).</summary>
/// <param name="Outcome">Up to date, fast forward, merge, or conflicted by rows.</param>
/// <param name="BaseCommitId">The merge base.</param>
/// <param name="Plans">The per-table three-way plans (empty when up to date).</param>
/// <param name="Conflicts">The row conflicts, when conflicted.</param>
internal sealed record MergePreparation(BranchMergeOutcome Outcome, string BaseCommitId, IReadOnlyList<TableMergePlan> Plans, ImmutableArray<MergeConflict> Conflicts);

/// <summary>What <see cref="BranchMergeCoordinator.CommitAsync"/> did: the commit and the tables it changed, or the constraint conflicts (no commit).</summary>
internal sealed record MergeApplied(CommitInfo? Commit, ImmutableArray<TableMergeSummary> Tables, ImmutableArray<MergeConflict> Conflicts);

/// <summary>
/// How the commit of a merge is described: its actor, its kind (<see cref="CommitKinds"/>), its merged parent (or none),
/// and for a promotion the source branch and diff digest its audit entry records.
/// </summary>
internal sealed record MergeCommit(string? Actor, string Writer, string? MergedParentId, string? PromotionSource = null, string? PromotionDigest = null);
