using System.Runtime.InteropServices;
using OmniGraph.Abstractions;
using OmniGraph.Arrow;
using OmniGraph.Tables.Indexes;
using OmniGraph.Tables.Selection;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Traversal;

/// <summary>
/// Runs one <see cref="TraversalRequest"/> over one edge table version along its adjacency indexes: per source a
/// breadth-first search with visited and emitted sets (stamped arrays over dense node ordinals, so nothing is cleared
/// between sources), or a single hop listing edges, or counts. See <see cref="TraversalRequest"/> for the semantics.
/// </summary>
internal sealed partial class EdgeTraverser
{
    private static readonly AdjacencyGroup s_unresolved = new(-2, -2);

    private readonly TableVersionView _view;
    private readonly TraversalRequest _request;
    private readonly AdjacencyIndex? _outgoing;
    private readonly AdjacencyIndex? _incoming;
    private readonly bool[]? _outgoingParallel;
    private readonly bool[]? _incomingParallel;
    private readonly AdjacencyGroup[]? _outgoingSources;
    private readonly AdjacencyGroup[]? _incomingSources;
    private readonly RowFilter _edgeFilter;
    private readonly SelectionShape? _edgeColumns;
    private readonly bool _checkLive;
    private readonly NodeInterner _nodes;
    private readonly List<int> _entries = [];
    private readonly List<long> _edges = [];
    private readonly Utf8ColumnBuilder _neighbours = new();
    private readonly List<int> _frontier = [];
    private readonly List<int> _next = [];
    private int _neighbourCount;
    private CancellationToken _cancellationToken;
    private long _expanded;
    private int[] _visited = [];
    private int[] _emitted = [];
    private int[] _outputOrdinal = [];
    private AdjacencyGroup[] _outgoingGroups = [];
    private AdjacencyGroup[] _incomingGroups = [];

    private EdgeTraverser(
        TableVersionView view,
        TraversalRequest request,
        RowFilter edgeFilter,
        SelectionShape? edgeColumns,
        bool[]? outgoingParallel,
        bool[]? incomingParallel,
        AdjacencyGroup[]? outgoingSources,
        AdjacencyGroup[]? incomingSources)
    {
        _view = view;
        _request = request;
        _edgeFilter = edgeFilter;
        _edgeColumns = edgeColumns;
        _outgoing = request.Direction is ExpansionDirection.Outgoing or ExpansionDirection.Both ? view.BySource : null;
        _incoming = request.Direction is ExpansionDirection.Incoming or ExpansionDirection.Both ? view.ByTarget : null;
        _outgoingParallel = outgoingParallel;
        _incomingParallel = incomingParallel;
        _outgoingSources = outgoingSources;
        _incomingSources = incomingSources;
        _checkLive = view.DeletedRowCount > 0;
        _nodes = new NodeInterner(view.Fragments, request.Sources);
    }

    /// <summary>Runs the request; the token is checked per source and every few thousand node expansions of a search.</summary>
    public TraversalResult Run(CancellationToken cancellationToken = default)
    {
        _cancellationToken = cancellationToken;
        var sources = _request.Sources.Count;
        return _request.Output switch
        {
            TraversalOutput.Neighbours => Lists(sources, edges: false),
            TraversalOutput.Edges => Lists(sources, edges: true),
            TraversalOutput.NeighbourCounts => Counts(sources, edges: false),
            TraversalOutput.EdgeCounts => Counts(sources, edges: true),
            _ => new TraversalResult([], [], _neighbours.Build(), []) { Existence = ImmutableCollectionsMarshal.AsImmutableArray(Existence()) },
        };
    }

    private TraversalResult Lists(int sources, bool edges)
    {
        var offsets = new int[sources + 1];
        for (var s = 0; s < sources; s++)
        {
            CancellationChecks.Every(s, _cancellationToken);
            offsets[s] = _entries.Count;
            if (edges)
            {
                ListEdges(s);
            }
            else
            {
                Search(s, listing: true);
            }
        }

        offsets[sources] = _entries.Count;
        var result = new TraversalResult(
            ImmutableCollectionsMarshal.AsImmutableArray(offsets),
            [.. _entries],
            _neighbours.Build(),
            []);
        return edges ? WithEdges(result) : result;
    }

    private TraversalResult Counts(int sources, bool edges)
    {
        var counts = new long[sources];
        for (var s = 0; s < sources; s++)
        {
            CancellationChecks.Every(s, _cancellationToken);
            counts[s] = edges ? CountEdges(s) : CountNeighbours(s);
        }

        return new TraversalResult([], [], _neighbours.Build(), ImmutableCollectionsMarshal.AsImmutableArray(counts));
    }

    /// <summary>The breadth-first search of one source; emits (lists or counts) each reached neighbour once.</summary>
    private long Search(int position, bool listing)
    {
        var stamp = position + 1;
        var source = _nodes.InternSource(position);
        Grow();
        _visited[source] = stamp;
        _frontier.Clear();
        _frontier.Add(source);
        var sink = new SearchSink(this, stamp, listing);
        for (var hop = 1; hop <= _request.MaxHops && _frontier.Count > 0; hop++)
        {
            sink.Hop = hop;
            _next.Clear();
            foreach (var node in _frontier)
            {
                CancellationChecks.Every(++_expanded, _cancellationToken);
                sink.Node = node;
                Expand(node, ref sink);
            }

            _frontier.Clear();
            _frontier.AddRange(_next);
        }

        return sink.Emitted;
    }

    private long CountNeighbours(int position)
    {
        // One hop one way without edge filters: a group without parallel edges has as many neighbours as live edges.
        if (_request.MaxHops == 1 && _edgeFilter.IsEmpty && (_outgoing is null || _incoming is null))
        {
            var index = _outgoing ?? _incoming!;
            var parallel = _outgoing is not null ? _outgoingParallel : _incomingParallel;
            var group = SourceGroup(position, index, _outgoing is not null ? _outgoingSources : _incomingSources);
            if (group.Overlay == AddressHashTable.NotFound && (group.Base == AddressHashTable.NotFound || parallel is not null && !parallel[group.Base]))
            {
                return CountLive(index.BaseEdges(group.Base));
            }
        }

        return Search(position, listing: false);
    }

    private long CountEdges(int position)
    {
        var source = _request.Sources[position];
        long count = 0;
        if (_outgoing is not null)
        {
            var group = SourceGroup(position, _outgoing, _outgoingSources);
            count += CountMatching(_outgoing.BaseEdges(group.Base), source, skipSelfLoops: false, targetSide: true)
                + CountMatching(_outgoing.OverlayEdges(group.Overlay), source, skipSelfLoops: false, targetSide: true);
        }

        if (_incoming is not null)
        {
            // Both ways: a self-loop was already counted as outgoing.
            var skip = _outgoing is not null;
            var group = SourceGroup(position, _incoming, _incomingSources);
            count += CountMatching(_incoming.BaseEdges(group.Base), source, skip, targetSide: false)
                + CountMatching(_incoming.OverlayEdges(group.Overlay), source, skip, targetSide: false);
        }

        return count;
    }

    /// <summary>Where source <paramref name="position"/> sits in an index: from the join index when the caller sent a whole table, else by id.</summary>
    private AdjacencyGroup SourceGroup(int position, AdjacencyIndex index, AdjacencyGroup[]? joinIndex) =>
        joinIndex is not null ? joinIndex[position] : index.Find(_request.Sources[position]);

    private long CountLive(AdjacencyEdges edges)
    {
        if (!_checkLive)
        {
            return edges.Length;
        }

        long count = 0;
        foreach (var edge in edges)
        {
            if (_view.IsLive(edge))
            {
                count++;
            }
        }

        return count;
    }

    private long CountMatching(AdjacencyEdges edges, ReadOnlySpan<byte> source, bool skipSelfLoops, bool targetSide)
    {
        if (!skipSelfLoops && _edgeFilter.IsEmpty)
        {
            return CountLive(edges);
        }

        long count = 0;
        foreach (var edge in edges)
        {
            if (Accept(edge, out var fragment, out var row)
                && !(skipSelfLoops && (targetSide ? fragment.Targets! : fragment.Sources!).GetBytes(row).SequenceEqual(source)))
            {
                count++;
            }
        }

        return count;
    }

    private void ListEdges(int position)
    {
        var source = _nodes.InternSource(position);
        Grow();
        var sink = new EdgeSink(this, source, skipIncomingSelfLoops: _outgoing is not null);
        Expand(source, ref sink);
    }

    /// <summary>Walks the live, filter-passing edges of a node in the requested directions (base edges, then overlay edges).</summary>
    private void Expand<TSink>(int node, ref TSink sink)
        where TSink : struct, IEdgeSink
    {
        if (_outgoing is not null)
        {
            var group = GroupOf(node, _outgoing, ref _outgoingGroups);
            Walk(_outgoing.BaseEdges(group.Base), targetSide: true, ref sink);
            Walk(_outgoing.OverlayEdges(group.Overlay), targetSide: true, ref sink);
        }

        if (_incoming is not null)
        {
            var group = GroupOf(node, _incoming, ref _incomingGroups);
            Walk(_incoming.BaseEdges(group.Base), targetSide: false, ref sink);
            Walk(_incoming.OverlayEdges(group.Overlay), targetSide: false, ref sink);
        }
    }

    private void Walk<TSink>(AdjacencyEdges edges, bool targetSide, ref TSink sink)
        where TSink : struct, IEdgeSink
    {
        foreach (var edge in edges)
        {
            if (!Accept(edge, out var fragment, out var row))
            {
                continue;
            }

            var id = (targetSide ? fragment.Targets! : fragment.Sources!).GetBytes(row);
            var neighbour = _nodes.InternEndpoint(edge, targetSide, id);
            Grow();
            sink.OnEdge(edge, targetSide, neighbour);
        }
    }

    private bool Accept(long edge, out FragmentData fragment, out int row)
    {
        fragment = _view.Fragments[(int)(edge >> 32)];
        row = (int)(uint)edge;
        return (!_checkLive || !_view.Masks[(int)(edge >> 32)].IsDeleted(row)) && (_edgeFilter.IsEmpty || _edgeFilter.Matches(fragment, row));
    }

    private AdjacencyGroup GroupOf(int node, AdjacencyIndex index, ref AdjacencyGroup[] cache)
    {
        if (cache.Length <= node)
        {
            var old = cache.Length;
            Array.Resize(ref cache, Math.Max(_visited.Length, node + 1));
            cache.AsSpan(old).Fill(s_unresolved);
        }

        var group = cache[node];
        if (group.Base == s_unresolved.Base)
        {
            group = index.Find(_nodes.KeyOf(node));
            cache[node] = group;
        }

        return group;
    }

    /// <summary>Keeps the per-ordinal arrays as long as the interner.</summary>
    private void Grow()
    {
        if (_visited.Length >= _nodes.Count)
        {
            return;
        }

        var length = Math.Max(64, Math.Max(_nodes.Count, _visited.Length * 2));
        var old = _visited.Length;
        Array.Resize(ref _visited, length);
        Array.Resize(ref _emitted, length);
        Array.Resize(ref _outputOrdinal, length);
        _outputOrdinal.AsSpan(old).Fill(-1);
    }

    private int OutputOrdinal(int node)
    {
        var ordinal = _outputOrdinal[node];
        if (ordinal < 0)
        {
            ordinal = _neighbourCount++;
            _outputOrdinal[node] = ordinal;
            _neighbours.Append(_nodes.KeyOf(node));
        }

        return ordinal;
    }

    private TraversalResult WithEdges(TraversalResult result)
    {
        var edges = CollectionsMarshal.AsSpan(_edges);
        var rows = new RowAddress[edges.Length];
        var ids = new Utf8ColumnBuilder();
        for (var i = 0; i < edges.Length; i++)
        {
            rows[i] = RowAddress.FromPacked(edges[i]);
            ids.Append(_view.Fragments[rows[i].Fragment].Ids.GetBytes(rows[i].Row));
        }

        return result with
        {
            EdgeRows = ImmutableCollectionsMarshal.AsImmutableArray(rows),
            EdgeIds = ids.Build(),
            EdgeColumns = _edgeColumns?.Gather(_view.Fragments, edges),
        };
    }

    private interface IEdgeSink
    {
        void OnEdge(long edge, bool targetSide, int neighbour);
    }

    /// <summary>Breadth-first step: first visit enqueues (and emits within bounds); a self-loop emits its node once.</summary>
    private struct SearchSink(EdgeTraverser traverser, int stamp, bool listing) : IEdgeSink
    {
        public int Hop;
        public int Node;
        public long Emitted;

        public void OnEdge(long edge, bool targetSide, int neighbour)
        {
            var t = traverser;
            var inBounds = Hop >= t._request.MinHops;
            if (neighbour == Node)
            {
                if (inBounds && t._emitted[neighbour] != stamp)
                {
                    Emit(neighbour);
                }

                return;
            }

            if (t._visited[neighbour] == stamp)
            {
                return;
            }

            t._visited[neighbour] = stamp;
            if (Hop < t._request.MaxHops)
            {
                t._next.Add(neighbour);
            }

            if (inBounds)
            {
                Emit(neighbour);
            }
        }

        private void Emit(int neighbour)
        {
            traverser._emitted[neighbour] = stamp;
            Emitted++;
            if (listing)
            {
                traverser._entries.Add(traverser.OutputOrdinal(neighbour));
            }
        }
    }

    /// <summary>One entry per edge; walking both ways, an incoming self-loop was already listed as outgoing.</summary>
    private readonly struct EdgeSink(EdgeTraverser traverser, int source, bool skipIncomingSelfLoops) : IEdgeSink
    {
        public void OnEdge(long edge, bool targetSide, int neighbour)
        {
            if (!targetSide && skipIncomingSelfLoops && neighbour == source)
            {
                return;
            }

            traverser._entries.Add(traverser.OutputOrdinal(neighbour));
            traverser._edges.Add(edge);
        }
    }
}
