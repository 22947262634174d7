using OmniGraph.Tables.Indexes;

namespace OmniGraph.Tables.Traversal;

internal sealed partial class EdgeTraverser
{
    /// <summary>
    /// <see cref="Abstractions.TraversalOutput.Existence"/>: one bit per source. From the first hop a source has a
    /// neighbour exactly when one of its groups holds a live edge that passes the filters, so the walk stops at the
    /// first such edge and no neighbour is interned; a deeper lower bound needs the breadth-first search.
    /// </summary>
    public ulong[] Existence()
    {
        var sources = _request.Sources.Count;
        var bits = new ulong[(sources + 63) >> 6];
        for (var s = 0; s < sources; s++)
        {
            CancellationChecks.Every(s, _cancellationToken);
            if (_request.MinHops == 1 ? HasAcceptedEdge(s) : Search(s, listing: false) > 0)
            {
                bits[s >> 6] |= 1UL << s;
            }
        }

        return bits;
    }

    private bool HasAcceptedEdge(int position)
    {
        if (_outgoing is not null)
        {
            var group = SourceGroup(position, _outgoing, _outgoingSources);
            if (AnyAccepted(_outgoing.BaseEdges(group.Base)) || AnyAccepted(_outgoing.OverlayEdges(group.Overlay)))
            {
                return true;
            }
        }

        if (_incoming is not null)
        {
            var group = SourceGroup(position, _incoming, _incomingSources);
            return AnyAccepted(_incoming.BaseEdges(group.Base)) || AnyAccepted(_incoming.OverlayEdges(group.Overlay));
        }

        return false;
    }

    private bool AnyAccepted(AdjacencyEdges edges)
    {
        foreach (var edge in edges)
        {
            if (Accept(edge, out _, out _))
            {
                return true;
            }
        }

        return false;
    }
}
