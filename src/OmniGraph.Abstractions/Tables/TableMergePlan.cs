using System.Collections.Immutable;
using OmniGraph.Arrow;

namespace OmniGraph.Abstractions;

/// <summary>
/// The three-way merge of one table (<see cref="ITableBranchGrain.PlanMergeAsync"/>): what the target must take from the
/// source, or why it cannot. Only ids the source changed since the merge base are examined.
/// </summary>
/// <param name="Table">The table key.</param>
/// <param name="Upserts">The source's rows the target takes (inserted or replacing the target's), laid out as the table; empty when none.</param>
/// <param name="DeleteIds">Ids the source deleted and the target left unchanged.</param>
/// <param name="Conflicts">Row conflicts (both sides changed an id differently) and merged values that break a value rule.</param>
/// <param name="Inserted">Upserts whose id the target does not have.</param>
/// <param name="Updated">Upserts that replace a target row.</param>
/// <param name="Examined">Ids the source changed (or may have changed) since the base: what the plan cost.</param>
[GenerateSerializer]
[Immutable]
public sealed record TableMergePlan(
    [property: Id(0)] string Table,
    [property: Id(1)] RecordBatch Upserts,
    [property: Id(2)] KeyBatch DeleteIds,
    [property: Id(3)] ImmutableArray<MergeConflict> Conflicts,
    [property: Id(4)] long Inserted,
    [property: Id(5)] long Updated,
    [property: Id(6)] long Examined)
{
    /// <summary>Whether the target takes nothing from the source for this table.</summary>
    public bool IsEmpty => Upserts.Length == 0 && DeleteIds.Count == 0;
}
