using OmniGraph.Grains.Writes;

namespace OmniGraph.Grains.Merging;

/// <summary>The constraint violations of a merged graph as merge conflicts (the entity each is about, where there is one).</summary>
internal static class MergeViolations
{
    public static ImmutableArray<MergeConflict> ToConflicts(WriteViolations violations)
    {
        var conflicts = ImmutableArray.CreateBuilder<MergeConflict>(violations.Found.Count);
        foreach (var (table, error) in violations.Found)
        {
            var (kind, entity) = error.Code switch
            {
                ErrorCodes.UniqueViolation => (MergeConflictKind.Unique, error.Get(ErrorDetail.SecondHolder)),
                ErrorCodes.KeyConflict => (MergeConflictKind.Unique, error.Get(ErrorDetail.EntityId)),
                ErrorCodes.OrphanEdge => (MergeConflictKind.OrphanEdge, error.Get(ErrorDetail.EdgeId)),
                ErrorCodes.CardinalityViolation => (MergeConflictKind.Cardinality, error.Get(ErrorDetail.SourceId)),
                _ => throw new InvalidOperationException($"a write check reported '{error.Code}', which is no merge conflict"),
            };
            conflicts.Add(new MergeConflict(table, kind, entity, error.Message));
        }

        return conflicts.MoveToImmutable();
    }
}
