using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace OmniGraph.Search;

/// <summary>
/// An approximate nearest-neighbour index over one <see cref="VectorTable"/> (one table version): a hierarchical
/// navigable small-world graph. Nodes are the table's global row numbers; the ground layer's links live in one flat
/// array (2M slots per node), the few upper-layer nodes own a small array each. Vectors are not copied: distances read
/// the column memory through the table. Immutable once built, so searches run concurrently.
/// </summary>
/// <remarks>Construction (batched, parallel) is in <c>HnswIndex.Build.cs</c>.</remarks>
public sealed partial class HnswIndex
{
    private const int MaxLevel = 16;

    private readonly VectorTable _table;
    private readonly int _m;
    private readonly int _m0;
    private readonly int[] _links0;
    private readonly byte[] _counts0;
    private readonly int[]?[] _upper;

    // The nodes in the graph (bit per global row): a node stays after its row is deleted in a later version, as a
    // waypoint that is never returned.
    private readonly ulong[] _members;
    private readonly ConcurrentBag<SearchScratch> _scratch = [];

    private int _entry = -1;
    private int _topLevel = -1;

    private HnswIndex(VectorTable table, HnswOptions options, HnswIndex? previous = null)
    {
        _table = table;
        Options = options;
        _m = options.M;
        _m0 = options.M * 2;
        var nodes = table.TotalRows;
        _links0 = new int[checked(nodes * _m0)];
        _counts0 = new byte[nodes];
        _upper = new int[]?[nodes];
        _members = new ulong[RowSet.WordCount(nodes)];
        if (previous is not null)
        {
            // The previous graph's arrays, copied (the previous index stays immutable and in use meanwhile).
            previous._links0.CopyTo(_links0, 0);
            previous._counts0.CopyTo(_counts0, 0);
            previous._members.CopyTo(_members, 0);
            for (var node = 0; node < previous._upper.Length; node++)
            {
                _upper[node] = previous._upper[node]?.Clone() as int[];
            }

            (_entry, _topLevel, NodeCount) = (previous._entry, previous._topLevel, previous.NodeCount);
        }
    }

    /// <summary>The parameters it was built with.</summary>
    public HnswOptions Options { get; }

    /// <summary>The vectors it indexes.</summary>
    public VectorTable Table => _table;

    /// <summary>Rows in the graph (the searchable rows of the versions it was built and extended over).</summary>
    public int NodeCount { get; private set; }

    /// <summary>Graph nodes whose rows its own table no longer searches (deleted before an <see cref="Extend"/>); 0 for a fresh build.</summary>
    public long DeadNodes { get; private set; }

    /// <summary>
    /// Graph nodes whose rows <paramref name="table"/> (this index's table or a later version of it, see
    /// <see cref="Extend"/>) no longer
    /// searches: deleted since, so never returned, only walked through.
    /// </summary>
    public long DeadNodesIn(VectorTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!table.ExtendsVersion(_table))
        {
            throw new ArgumentException("The table is not a version of this index's table.", nameof(table));
        }

        var live = table.CandidateNodes(filter: null, _table.FragmentCount, out _);
        long dead = 0;
        for (var w = 0; w < _members.Length; w++)
        {
            dead += BitOperations.PopCount(_members[w] & ~live[w]);
        }

        return dead;
    }

    /// <summary>Heap bytes of the graph (links, counts, upper layers); the vectors stay in the column memory.</summary>
    public long EstimatedBytes
    {
        get
        {
            long bytes = 24 + ((long)_links0.Length * sizeof(int)) + 24 + _counts0.Length + 24 + ((long)_upper.Length * 8) + 24 + ((long)_members.Length * sizeof(ulong));
            foreach (var upper in _upper)
            {
                bytes += upper is null ? 0 : 24 + ((long)upper.Length * sizeof(int));
            }

            return bytes;
        }
    }

    /// <summary>
    /// The nodes nearest to <paramref name="query"/> found with a candidate list of <paramref name="ef"/>, as
    /// (node, distance) pairs in no particular order; with <paramref name="candidates"/>, only nodes whose bit is set are
    /// returned (the others are still traversed, so the graph stays connected under a filter).
    /// </summary>
    internal List<(int Node, float Distance)> Search(ReadOnlySpan<float> query, float inverseNorm, int ef, ulong[]? candidates)
    {
        var found = new List<(int Node, float Distance)>();
        if (_entry < 0)
        {
            return found;
        }

        var scratch = RentScratch();
        try
        {
            var entry = Descend(query, inverseNorm, _entry, Distance(query, inverseNorm, _entry), _topLevel, 0);
            scratch.Reset();
            scratch.Visited.Visit(entry.Node);
            scratch.Candidates.Push(entry.Node, entry.Distance);
            if (candidates is null || IsCandidate(candidates, entry.Node))
            {
                scratch.Results.Push(entry.Node, entry.Distance);
            }

            SearchLayer(query, inverseNorm, scratch, ef, 0, candidates);
            for (var i = 0; i < scratch.Results.Count; i++)
            {
                found.Add(scratch.Results[i]);
            }

            return found;
        }
        finally
        {
            _scratch.Add(scratch);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsCandidate(ulong[] candidates, int node) => (candidates[node >> 6] & (1UL << node)) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float Distance(ReadOnlySpan<float> query, float inverseNorm, int node)
    {
        var row = _table.Locate(node);
        return _table.Distance(query, inverseNorm, row.Fragment, row.Row);
    }

    private float NodeDistance(int a, int b)
    {
        var row = _table.Locate(a);
        return Distance(_table.Vector(row.Fragment, row.Row), _table.InverseNorm(row.Fragment, row.Row), b);
    }

    private Span<int> Links(int node, int level)
    {
        if (level == 0)
        {
            return _links0.AsSpan(node * _m0, _counts0[node]);
        }

        var upper = _upper[node]!;
        var start = (level - 1) * (_m + 1);
        return upper.AsSpan(start + 1, upper[start]);
    }

    private void SetLinks(int node, int level, ReadOnlySpan<int> links)
    {
        if (level == 0)
        {
            links.CopyTo(_links0.AsSpan(node * _m0, _m0));
            _counts0[node] = (byte)links.Length;
            return;
        }

        var upper = _upper[node]!;
        var start = (level - 1) * (_m + 1);
        upper[start] = links.Length;
        links.CopyTo(upper.AsSpan(start + 1, _m));
    }

    /// <summary>Greedy walk from <paramref name="from"/> on each layer above <paramref name="downTo"/>: the nearest node found.</summary>
    private (int Node, float Distance) Descend(ReadOnlySpan<float> query, float inverseNorm, int from, float distance, int fromLevel, int downTo)
    {
        for (var level = fromLevel; level > downTo; level--)
        {
            var improved = true;
            while (improved)
            {
                improved = false;
                foreach (var next in Links(from, level))
                {
                    var d = Distance(query, inverseNorm, next);
                    if (d < distance)
                    {
                        (from, distance, improved) = (next, d, true);
                    }
                }
            }
        }

        return (from, distance);
    }

    /// <summary>
    /// The layer search of the paper (its SEARCH-LAYER): expands the nearest unexpanded candidate until it is farther
    /// than the farthest of the <paramref name="ef"/> results. Entry points are already in the scratch heaps.
    /// </summary>
    private void SearchLayer(ReadOnlySpan<float> query, float inverseNorm, SearchScratch scratch, int ef, int level, ulong[]? candidates)
    {
        var frontier = scratch.Candidates;
        var results = scratch.Results;
        while (frontier.Count > 0)
        {
            var current = frontier.TopNode;
            if (results.Count >= ef && frontier.TopDistance > results.TopDistance)
            {
                break;
            }

            frontier.Pop();
            foreach (var next in Links(current, level))
            {
                if (!scratch.Visited.Visit(next))
                {
                    continue;
                }

                var d = Distance(query, inverseNorm, next);
                if (results.Count < ef || d < results.TopDistance)
                {
                    frontier.Push(next, d);
                    if (candidates is null || IsCandidate(candidates, next))
                    {
                        results.Push(next, d);
                        if (results.Count > ef)
                        {
                            results.Pop();
                        }
                    }
                }
            }
        }
    }

    private SearchScratch RentScratch() => _scratch.TryTake(out var scratch) ? scratch : new SearchScratch(_table.TotalRows);

    /// <summary>The reusable state of one search (visited stamps, both heaps).</summary>
    private sealed class SearchScratch(int nodes)
    {
        public VisitedNodes Visited { get; } = new(nodes);

        public NodeHeap Candidates { get; } = new(farthestOnTop: false);

        public NodeHeap Results { get; } = new(farthestOnTop: true);

        public void Reset()
        {
            Visited.Clear();
            Candidates.Clear();
            Results.Clear();
        }
    }
}
