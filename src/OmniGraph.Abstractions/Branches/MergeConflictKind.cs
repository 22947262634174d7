namespace OmniGraph.Abstractions;

/// <summary>Why a merge cannot combine its two sides (docs/branches.md: the truth table).</summary>
public enum MergeConflictKind
{
    /// <summary>Both sides inserted the same id with different values.</summary>
    DivergentInsert,

    /// <summary>Both sides changed the same entity to different values.</summary>
    DivergentUpdate,

    /// <summary>One side deleted an entity the other side changed.</summary>
    DeleteVsUpdate,

    /// <summary>The merged graph would have an edge whose endpoint does not exist.</summary>
    OrphanEdge,

    /// <summary>The merged graph would have two entities with the same <c>@key</c> or <c>@unique</c> value.</summary>
    Unique,

    /// <summary>A source node of the merged graph would have more or fewer edges than its <c>@card</c> allows.</summary>
    Cardinality,

    /// <summary>A merged value breaks a value rule of the schema (required, <c>enum</c>, <c>@range</c>, <c>@check</c>).</summary>
    ValueConstraint,
}
