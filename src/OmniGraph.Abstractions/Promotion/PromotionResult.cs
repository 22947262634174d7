using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>A promotion that was applied (<see cref="IPromotionGrain.PromoteAsync"/>).</summary>
/// <param name="PromotionId">The promotion's id (for <c>promote revert</c>).</param>
/// <param name="Source">The source branch.</param>
/// <param name="Target">The target branch.</param>
/// <param name="Digest">The digest it confirmed.</param>
/// <param name="SourceCommitId">The source head it took (the commit's merged parent).</param>
/// <param name="TargetCommitId">The target head before it (the commit's parent; what a revert restores).</param>
/// <param name="Commit">The promotion commit on the target.</param>
/// <param name="Tables">What the target took, per table.</param>
/// <param name="PromotedAt">When it was confirmed.</param>
[GenerateSerializer]
[Immutable]
public sealed record PromotionResult(
    [property: Id(0)] string PromotionId,
    [property: Id(1)] string Source,
    [property: Id(2)] string Target,
    [property: Id(3)] string Digest,
    [property: Id(4)] string SourceCommitId,
    [property: Id(5)] string TargetCommitId,
    [property: Id(6)] CommitInfo Commit,
    [property: Id(7)] ImmutableArray<TableMergeSummary> Tables,
    [property: Id(8)] DateTimeOffset PromotedAt);
