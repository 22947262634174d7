using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>
/// A traversal of one edge table from a batch of source node ids (<see cref="ITableBranchGrain.TraverseAsync"/>).
/// </summary>
/// <remarks>
/// Multi-hop semantics are a breadth-first search per source with a visited set: the source is visited from the start;
/// each hop expands the frontier; a node is emitted (when the hop is within <see cref="MinHops"/>..<see cref="MaxHops"/>)
/// and enqueued only the first time it is reached, so each neighbour is reported at most once per source and the source
/// itself never comes back, except that a self-loop edge <c>n → n</c> emits <c>n</c> at the hop that follows it (when in
/// bounds and not emitted yet) without re-entering the frontier.
/// </remarks>
/// <param name="Sources">Source node ids (per position; duplicates are answered independently).</param>
/// <param name="Direction">Which way to follow the edges.</param>
/// <param name="MinHops">Smallest hop count (at least 1).</param>
/// <param name="MaxHops">Largest hop count (at least <paramref name="MinHops"/>; 1 for the edge outputs).</param>
/// <param name="Output">What to report.</param>
[GenerateSerializer]
[Immutable]
public sealed record TraversalRequest(
    [property: Id(0)] KeyBatch Sources,
    [property: Id(1)] ExpansionDirection Direction,
    [property: Id(2)] int MinHops,
    [property: Id(3)] int MaxHops,
    [property: Id(4)] TraversalOutput Output)
{
    /// <summary>Filters on the edge's own columns (edge outputs only); an edge that fails one is not followed.</summary>
    [Id(5)]
    public ImmutableArray<ColumnPredicate> EdgeFilters { get; init; } = [];

    /// <summary>Edge columns to return per entry (<see cref="TraversalOutput.Edges"/> only).</summary>
    [Id(6)]
    public ImmutableArray<string> EdgeColumns { get; init; } = [];

    /// <summary>
    /// Set by a caller whose <see cref="Sources"/> are exactly the ids of every live row of this node table version, in
    /// storage order (a full scan). The edge grain then keeps, per such version, where each of those nodes sits in its
    /// adjacency index (a join index, built on first use), so a whole-table traversal costs no id lookup per source.
    /// </summary>
    [Id(7)]
    public TableVersionRef? SourceTable { get; init; }
}
