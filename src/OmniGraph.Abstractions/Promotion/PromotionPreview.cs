using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>
/// What promoting <paramref name="Source"/> into <paramref name="Target"/> would apply now
/// (<see cref="IPromotionGrain.PreviewAsync"/>): the net change per table, any conflict, and the digest that confirms
/// exactly this change.
/// </summary>
/// <param name="Source">The source branch.</param>
/// <param name="Target">The target branch.</param>
/// <param name="SourceCommitId">The source head the preview was made at.</param>
/// <param name="TargetCommitId">The target head the preview was made at.</param>
/// <param name="BaseCommitId">The merge base of the two heads.</param>
/// <param name="Outcome">How the promotion would end: up to date (nothing to promote), fast forward, merged, or conflicted.</param>
/// <param name="Tables">What the target would take, per table changed (table-key order).</param>
/// <param name="Conflicts">Every row conflict, when conflicted (a conflicted promotion is refused like a merge).</param>
/// <param name="Digest">SHA-256 (64 lowercase hex digits) over both heads and every row the promotion would change.</param>
[GenerateSerializer]
[Immutable]
public sealed record PromotionPreview(
    [property: Id(0)] string Source,
    [property: Id(1)] string Target,
    [property: Id(2)] string SourceCommitId,
    [property: Id(3)] string TargetCommitId,
    [property: Id(4)] string BaseCommitId,
    [property: Id(5)] BranchMergeOutcome Outcome,
    [property: Id(6)] ImmutableArray<TableMergeSummary> Tables,
    [property: Id(7)] ImmutableArray<MergeConflict> Conflicts,
    [property: Id(8)] string Digest);
