using OmniGraph.Arrow;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Indexes;

/// <summary>
/// The edges of an edge table version grouped by one endpoint (by <c>src</c> for outgoing expansion and degree counts,
/// by <c>dst</c> for incoming expansion). A frozen base (every group's edges contiguous, in storage order) plus an overlay
/// of the edges added since, per node; deleted edges are filtered with the version's deletion masks when enumerated, so a
/// new version only adds its new edges to the overlay. Folded into a fresh base when the overlay grows large.
/// The base holds each edge as a 4-byte row ordinal (<see cref="RowOrdinals"/>), not an 8-byte address: at 9.5 M edges
/// that is 38 MB a direction instead of 76 MB, and the build needs no second array of addresses beside it.
/// </summary>
internal sealed partial class AdjacencyIndex
{
    private readonly FragmentData[] _fragments;
    private readonly bool _bySource;
    private readonly RowOrdinals _numbering;
    private readonly AddressHashTable _groups;
    private readonly int[] _groupKeyEdge;
    private readonly int[] _groupStart;
    private readonly int[] _edges;
    private readonly AddressHashTable? _overlayGroups;
    private readonly long[][] _overlayEdges;
    private readonly int _overlayEdgeCount;

    private AdjacencyIndex(
        FragmentData[] fragments,
        bool bySource,
        RowOrdinals numbering,
        AddressHashTable groups,
        int[] groupKeyEdge,
        int[] groupStart,
        int[] edges,
        AddressHashTable? overlayGroups,
        long[][] overlayEdges,
        int overlayEdgeCount)
    {
        _fragments = fragments;
        _bySource = bySource;
        _numbering = numbering;
        _groups = groups;
        _groupKeyEdge = groupKeyEdge;
        _groupStart = groupStart;
        _edges = edges;
        _overlayGroups = overlayGroups;
        _overlayEdges = overlayEdges;
        _overlayEdgeCount = overlayEdgeCount;
    }

    /// <summary>Edges added since the base was built.</summary>
    public int OverlayEdgeCount => _overlayEdgeCount;

    /// <summary>Groups every live edge of a version by its <c>src</c> (<paramref name="bySource"/>) or <c>dst</c>.</summary>
    public static AdjacencyIndex Build(FragmentData[] fragments, DeletionMask[] masks, bool bySource)
    {
        var numbering = RowOrdinals.Of(fragments);
        var groups = new AddressHashTable();
        var groupKeyEdge = new int[16];
        var counts = new int[16];
        var groupCount = 0;
        var live = 0;

        // First pass: each row's group (-1 for a deleted row) and each group's size; the second places the ordinals.
        var groupOfRow = new int[numbering.Count];
        for (var f = 0; f < fragments.Length; f++)
        {
            var fragment = fragments[f];
            var endpoints = Endpoints(fragment, bySource);
            var mask = masks[f];
            var first = numbering.OrdinalOf(f, 0);
            for (var row = 0; row < fragment.Rows; row++)
            {
                if (mask.IsDeleted(row))
                {
                    groupOfRow[first + row] = -1;
                    continue;
                }

                var node = endpoints.GetBytes(row);
                var hash = KeyHashing.Hash(node);
                var reader = new GroupReader(fragments, bySource, numbering, groupKeyEdge);
                var group = groups.Find(node, hash, ref reader);
                if (group == AddressHashTable.NotFound)
                {
                    if (groupCount == groupKeyEdge.Length)
                    {
                        Array.Resize(ref groupKeyEdge, groupCount * 2);
                        Array.Resize(ref counts, groupCount * 2);
                    }

                    group = groupCount++;
                    groupKeyEdge[group] = first + row;
                    groups.AddNew(hash, group);
                }

                counts[(int)group]++;
                groupOfRow[first + row] = (int)group;
                live++;
            }
        }

        var groupStart = new int[groupCount + 1];
        for (var g = 0; g < groupCount; g++)
        {
            groupStart[g + 1] = groupStart[g] + counts[g];
            counts[g] = groupStart[g];
        }

        var edges = new int[live];
        for (var ordinal = 0; ordinal < groupOfRow.Length; ordinal++)
        {
            var group = groupOfRow[ordinal];
            if (group >= 0)
            {
                edges[counts[group]++] = ordinal;
            }
        }

        return new AdjacencyIndex(fragments, bySource, numbering, groups, groupKeyEdge.AsSpan(0, groupCount).ToArray(), groupStart, edges, null, [], 0);
    }

    /// <summary>
    /// Calls <paramref name="visitor"/> with the packed address of every live edge whose endpoint is <paramref name="node"/>,
    /// base edges first (storage order), then edges added since (storage order).
    /// </summary>
    public void ForEachLiveEdge<TVisitor>(ReadOnlySpan<byte> node, TableVersionView view, ref TVisitor visitor)
        where TVisitor : IEdgeVisitor, allows ref struct
    {
        var hash = KeyHashing.Hash(node);
        var reader = new GroupReader(_fragments, _bySource, _numbering, _groupKeyEdge);
        var group = _groups.Find(node, hash, ref reader);
        if (group != AddressHashTable.NotFound)
        {
            for (var i = _groupStart[group]; i < _groupStart[group + 1]; i++)
            {
                var edge = _numbering.AddressOf(_edges[i]);
                if (view.IsLive(edge))
                {
                    visitor.Visit(edge);
                }
            }
        }

        if (_overlayGroups is null)
        {
            return;
        }

        var overlayReader = new OverlayReader(_fragments, _bySource, _overlayEdges);
        var overlayGroup = _overlayGroups.Find(node, hash, ref overlayReader);
        if (overlayGroup == AddressHashTable.NotFound)
        {
            return;
        }

        foreach (var edge in _overlayEdges[overlayGroup])
        {
            if (view.IsLive(edge))
            {
                visitor.Visit(edge);
            }
        }
    }

    /// <summary>The index of the next version, where <paramref name="added"/> edges (storage order) were appended.</summary>
    public AdjacencyIndex With(FragmentData[] fragments, DeletionMask[] masks, ReadOnlySpan<long> added)
    {
        if (added.IsEmpty)
        {
            return new AdjacencyIndex(fragments, _bySource, _numbering, _groups, _groupKeyEdge, _groupStart, _edges, _overlayGroups, _overlayEdges, _overlayEdgeCount);
        }

        if (_overlayEdgeCount + added.Length > RowKeyIndex.FoldThreshold(_edges.Length))
        {
            return Build(fragments, masks, _bySource);
        }

        var overlayGroups = _overlayGroups?.Clone() ?? new AddressHashTable(added.Length);
        var overlayEdges = new List<long[]>(_overlayEdges);
        foreach (var edge in added)
        {
            var node = Endpoints(fragments[(int)(edge >> 32)], _bySource).GetBytes((int)(uint)edge);
            var hash = KeyHashing.Hash(node);
            var reader = new OverlayListReader(fragments, _bySource, overlayEdges);
            var group = overlayGroups.Find(node, hash, ref reader);
            if (group == AddressHashTable.NotFound)
            {
                overlayGroups.AddNew(hash, overlayEdges.Count);
                overlayEdges.Add([edge]);
            }
            else
            {
                // Groups are copied on write: the parent version keeps its own arrays.
                overlayEdges[(int)group] = [.. overlayEdges[(int)group], edge];
            }
        }

        return new AdjacencyIndex(fragments, _bySource, _numbering, _groups, _groupKeyEdge, _groupStart, _edges, overlayGroups, [.. overlayEdges], _overlayEdgeCount + added.Length);
    }

    private static Utf8Column Endpoints(FragmentData fragment, bool bySource) =>
        (bySource ? fragment.Sources : fragment.Targets) ?? throw new InvalidOperationException("not an edge fragment");

    private readonly struct GroupReader(FragmentData[] fragments, bool bySource, RowOrdinals numbering, int[] groupKeyEdge) : IRowKeyReader
    {
        public ReadOnlySpan<byte> KeyOf(long value)
        {
            var edge = numbering.AddressOf(groupKeyEdge[(int)value]);
            return Endpoints(fragments[(int)(edge >> 32)], bySource).GetBytes((int)(uint)edge);
        }
    }

    private readonly struct OverlayReader(FragmentData[] fragments, bool bySource, long[][] groups) : IRowKeyReader
    {
        public ReadOnlySpan<byte> KeyOf(long value)
        {
            var edge = groups[(int)value][0];
            return Endpoints(fragments[(int)(edge >> 32)], bySource).GetBytes((int)(uint)edge);
        }
    }

    private readonly struct OverlayListReader(FragmentData[] fragments, bool bySource, List<long[]> groups) : IRowKeyReader
    {
        public ReadOnlySpan<byte> KeyOf(long value)
        {
            var edge = groups[(int)value][0];
            return Endpoints(fragments[(int)(edge >> 32)], bySource).GetBytes((int)(uint)edge);
        }
    }
}

/// <summary>Receives edges from <see cref="AdjacencyIndex.ForEachLiveEdge{TVisitor}"/>.</summary>
internal interface IEdgeVisitor
{
    void Visit(long edgeAddress);
}
