using System.Collections.Immutable;
using OmniGraph.Arrow;

namespace OmniGraph.Abstractions;

/// <summary>
/// The answer of <see cref="ITableBranchGrain.TraverseAsync"/>. For the list outputs, the entries of source position
/// <c>i</c> are <c>[Offsets[i], Offsets[i + 1])</c>, in breadth-first order (storage order within a hop); each entry
/// names its neighbour by an ordinal into <see cref="Neighbours"/>, the distinct neighbour ids of the whole batch in
/// order of first appearance. For the count outputs only <see cref="Counts"/> is filled, for the existence output only
/// <see cref="Existence"/>.
/// </summary>
/// <param name="Offsets">Entry ranges per source position (list outputs; length = sources + 1).</param>
/// <param name="NeighbourOrdinals">The neighbour of each entry (list outputs).</param>
/// <param name="Neighbours">The distinct neighbour ids (list outputs).</param>
/// <param name="Counts">Per source position: distinct neighbours or matching edges (count outputs).</param>
[GenerateSerializer]
[Immutable]
public sealed record TraversalResult(
    [property: Id(0)] ImmutableArray<int> Offsets,
    [property: Id(1)] ImmutableArray<int> NeighbourOrdinals,
    [property: Id(2)] Utf8Column Neighbours,
    [property: Id(3)] ImmutableArray<long> Counts)
{
    /// <summary>The edge row of each entry (<see cref="TraversalOutput.Edges"/>).</summary>
    [Id(4)]
    public ImmutableArray<RowAddress> EdgeRows { get; init; } = [];

    /// <summary>The edge id of each entry (<see cref="TraversalOutput.Edges"/>).</summary>
    [Id(5)]
    public Utf8Column? EdgeIds { get; init; }

    /// <summary>The requested edge columns of each entry (<see cref="TraversalOutput.Edges"/>).</summary>
    [Id(6)]
    public RecordBatch? EdgeColumns { get; init; }

    /// <summary>
    /// <see cref="TraversalOutput.Existence"/>: bit <c>i % 64</c> of word <c>i / 64</c> is set when source position
    /// <c>i</c> has a neighbour (sources / 64 words, rounded up).
    /// </summary>
    [Id(7)]
    public ImmutableArray<ulong> Existence { get; init; } = [];

    /// <summary>Whether source position <paramref name="position"/> has a neighbour (<see cref="TraversalOutput.Existence"/>).</summary>
    public bool Exists(int position) => (Existence[position >> 6] & (1UL << position)) != 0;

    /// <summary>Number of entries (list outputs).</summary>
    public int EntryCount => NeighbourOrdinals.IsDefault ? 0 : NeighbourOrdinals.Length;
}
