using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>
/// A ranked search a table grain answers from its search indexes: one arm (<c>bm25</c> or <c>nearest</c>), or two arms
/// fused by reciprocal rank fusion (<c>rrf</c>). Rows come back best first (docs/search.md).
/// </summary>
/// <param name="Arms">One arm, or the two arms of <c>rrf</c> in order.</param>
/// <param name="Limit">
/// The number of entities kept: a <c>nearest</c> arm's k and the fused cut of <c>rrf</c> (the query's <c>limit</c>);
/// for a lone <c>bm25</c> arm the most rows returned (<c>null</c>: every matching row).
/// </param>
/// <param name="FusionK">The <c>rrf</c> constant (at least 1), or <c>null</c> for one arm.</param>
[GenerateSerializer]
[Immutable]
public sealed record SearchRanking(
    [property: Id(0)] ImmutableArray<SearchArm> Arms,
    [property: Id(1)] int? Limit,
    [property: Id(2)] int? FusionK)
{
    /// <summary>
    /// For <c>rrf</c>: return the two arms unfused, so the caller fuses them after the pattern's traversals (an
    /// entity's rank in an arm is the position of its first row among the arm's result rows, spec §2.6). The rows are
    /// then arm 1's entities in arm-1 order followed by the entities only arm 2 holds in arm-2 order, with
    /// <see cref="TableSelection.ArmRanks"/>; <see cref="TableSelection.Scores"/> stays empty.
    /// </summary>
    [Id(3)]
    public bool SeparateArms { get; init; }
}
