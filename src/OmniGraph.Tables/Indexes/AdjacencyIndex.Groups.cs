namespace OmniGraph.Tables.Indexes;

/// <summary>
/// Group-level access for traversals: find a node's group once, then walk its edges as often as needed (a breadth-first
/// search expands a node per source that reaches it), and inspect base groups (for the parallel-edge map).
/// </summary>
internal sealed partial class AdjacencyIndex
{
    /// <summary>Base groups (nodes with at least one edge in the frozen base).</summary>
    public int BaseGroupCount => _groupKeyEdge.Length;

    /// <summary>Where a node's edges are: its base group and its overlay group (<see cref="AddressHashTable.NotFound"/> when absent).</summary>
    public AdjacencyGroup Find(ReadOnlySpan<byte> node)
    {
        var hash = KeyHashing.Hash(node);
        var reader = new GroupReader(_fragments, _bySource, _numbering, _groupKeyEdge);
        var group = _groups.Find(node, hash, ref reader);
        var overlay = AddressHashTable.NotFound;
        if (_overlayGroups is not null)
        {
            var overlayReader = new OverlayReader(_fragments, _bySource, _overlayEdges);
            overlay = _overlayGroups.Find(node, hash, ref overlayReader);
        }

        return new AdjacencyGroup((int)group, (int)overlay);
    }

    /// <summary>The edges (storage order, deleted ones included) of base group <paramref name="group"/>.</summary>
    public AdjacencyEdges BaseEdges(long group) =>
        new(group == AddressHashTable.NotFound ? default : _edges.AsSpan(_groupStart[group], _groupStart[group + 1] - _groupStart[group]), _numbering);

    /// <summary>The edges (storage order, deleted ones included) of overlay group <paramref name="group"/>.</summary>
    public AdjacencyEdges OverlayEdges(long group) =>
        new(group == AddressHashTable.NotFound ? default : _overlayEdges[group]);
}

/// <summary>
/// A node's place in an <see cref="AdjacencyIndex"/>: its base and overlay groups (<c>-1</c> when absent). Group numbers
/// are below the edge count, so two ints: a join index over a million source rows is 8 MB, not 16.
/// </summary>
internal readonly record struct AdjacencyGroup(int Base, int Overlay)
{
    /// <summary>A node without edges.</summary>
    public static AdjacencyGroup None => new((int)AddressHashTable.NotFound, (int)AddressHashTable.NotFound);
}
