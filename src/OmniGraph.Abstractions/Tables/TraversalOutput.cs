namespace OmniGraph.Abstractions;

/// <summary>What <see cref="ITableBranchGrain.TraverseAsync"/> reports per source.</summary>
public enum TraversalOutput : byte
{
    /// <summary>The distinct neighbours reached within the hop bounds (set semantics: parallel edges count once).</summary>
    Neighbours,

    /// <summary>One entry per matching edge (single hop only): the edge and the neighbour at its other end.</summary>
    Edges,

    /// <summary>Only the number of distinct neighbours per source (<see cref="Neighbours"/> without the lists).</summary>
    NeighbourCounts,

    /// <summary>Only the number of matching edges per source (<see cref="Edges"/> without the lists).</summary>
    EdgeCounts,

    /// <summary>
    /// Only whether each source has at least one neighbour within the hop bounds (one matching edge, with edge filters),
    /// as a bitmap (<see cref="TraversalResult.Existence"/>): an existence test or anti-join needs no count.
    /// </summary>
    Existence,
}
