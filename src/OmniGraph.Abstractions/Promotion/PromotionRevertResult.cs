using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>A promotion that was reverted (<see cref="IPromotionGrain.RevertAsync"/>).</summary>
/// <param name="PromotionId">The promotion.</param>
/// <param name="Target">Its target branch.</param>
/// <param name="Commit">The revert commit on the target.</param>
/// <param name="Tables">What the revert changed, per table.</param>
[GenerateSerializer]
[Immutable]
public sealed record PromotionRevertResult(
    [property: Id(0)] string PromotionId,
    [property: Id(1)] string Target,
    [property: Id(2)] CommitInfo Commit,
    [property: Id(3)] ImmutableArray<TableMergeSummary> Tables);
