using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>What a merge did (or why it wrote nothing).</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Source">The source branch.</param>
/// <param name="Target">The target branch.</param>
/// <param name="SourceCommitId">The source head the merge took (the merge commit's merged parent).</param>
/// <param name="BaseCommitId">The merge base: the nearest common ancestor of the two heads.</param>
/// <param name="Commit">The merge commit on the target; <c>null</c> when up to date or conflicted.</param>
/// <param name="Tables">What the target took, per table changed (table-key order).</param>
/// <param name="Conflicts">Every conflict, when <see cref="Outcome"/> is <see cref="BranchMergeOutcome.Conflicted"/> (tables in key order, ids in order).</param>
/// <param name="Attempts">Preparations it took (more than one when another write landed on the target first).</param>
[GenerateSerializer]
[Immutable]
public sealed record BranchMergeResult(
    [property: Id(0)] BranchMergeOutcome Outcome,
    [property: Id(1)] string Source,
    [property: Id(2)] string Target,
    [property: Id(3)] string SourceCommitId,
    [property: Id(4)] string? BaseCommitId,
    [property: Id(5)] CommitInfo? Commit,
    [property: Id(6)] ImmutableArray<TableMergeSummary> Tables,
    [property: Id(7)] ImmutableArray<MergeConflict> Conflicts,
    [property: Id(8)] int Attempts)
{
    /// <summary>Whether the source branch was deleted afterwards (<see cref="BranchMergeRequest.DeleteBranch"/>).</summary>
    [Id(9)]
    public bool BranchDeleted { get; init; }

    /// <summary>Why deleting the source failed (the merge itself stands).</summary>
    [Id(10)]
    public string? BranchDeleteError { get; init; }

    /// <summary>Throws the typed <c>merge_conflicts</c> error when the merge conflicted; returns this result otherwise.</summary>
    /// <exception cref="OmniGraphException">Code <c>merge_conflicts</c>.</exception>
    public BranchMergeResult ThrowIfConflicted() =>
        Outcome == BranchMergeOutcome.Conflicted ? throw EngineErrors.MergeConflicts(Source, Target, Conflicts) : this;
}

/// <summary>What a merge did to one table of the target.</summary>
/// <param name="Table">The table key.</param>
/// <param name="Inserted">Entities the target did not have.</param>
/// <param name="Updated">Entities whose row the source's replaced.</param>
/// <param name="Deleted">Entities the source deleted.</param>
[GenerateSerializer]
[Immutable]
public sealed record TableMergeSummary(
    [property: Id(0)] string Table,
    [property: Id(1)] long Inserted,
    [property: Id(2)] long Updated,
    [property: Id(3)] long Deleted);
