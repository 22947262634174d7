using System.Collections.Immutable;
using OmniGraph.Arrow;

namespace OmniGraph.Abstractions;

/// <summary>
/// The live edges adjacent to a batch of node ids. Entry <c>i</c> is one edge: the probe position it belongs to, the
/// edge's id, the node at its other end and its row address. Entries are grouped by probe position in input order;
/// within a group edges come in storage order.
/// </summary>
/// <param name="InputPositions">The probe position of each edge.</param>
/// <param name="EdgeIds">The edge ids.</param>
/// <param name="NeighbourIds">The id of the node at the other end of each edge.</param>
/// <param name="EdgeRows">Each edge's row address in the table version.</param>
[GenerateSerializer]
[Immutable]
public sealed record EdgeExpansion(
    [property: Id(0)] ImmutableArray<int> InputPositions,
    [property: Id(1)] Utf8Column EdgeIds,
    [property: Id(2)] Utf8Column NeighbourIds,
    [property: Id(3)] ImmutableArray<RowAddress> EdgeRows)
{
    /// <summary>Number of edges.</summary>
    public int Count => InputPositions.Length;
}
