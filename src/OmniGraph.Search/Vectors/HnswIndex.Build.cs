namespace OmniGraph.Search;

public sealed partial class HnswIndex
{
    /// <summary>
    /// Builds the graph over the table's searchable rows, inserting them in row order with levels drawn from the seeded
    /// generator, so the same table and options give the same graph. Cancellation is checked every 1,024 inserts.
    /// </summary>
    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.OptionsInvalid"/>.</exception>
    public static HnswIndex Build(VectorTable table, HnswOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new HnswOptions();
        options.Validate();
        var index = new HnswIndex(table, options);
        index.InsertFragments(firstFragment: 0, cancellationToken);
        return index;
    }

    /// <summary>
    /// The index of <paramref name="next"/>, a later version of this index's table that begins with all of its fragments
    /// (appends): this graph's links are copied and only the appended fragments' rows are inserted, so the cost follows
    /// the rows added, not the table. Rows deleted since stay in the graph as waypoints and are never returned; rebuild
    /// with <see cref="Build"/> once they are a large share (<see cref="NearestSearch"/> does).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="next"/> does not extend this index's table.</exception>
    public HnswIndex Extend(VectorTable next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (!next.ExtendsVersion(_table))
        {
            throw new ArgumentException("The table does not begin with this index's fragments (same columns, same order); build a new index instead.", nameof(next));
        }

        var index = new HnswIndex(next, Options, previous: this) { DeadNodes = DeadNodesIn(next) };
        index.InsertFragments(_table.FragmentCount, cancellationToken);
        return index;
    }

    /// <summary>Inserts the searchable rows of fragments <paramref name="firstFragment"/> on, in row order; level draws are seeded by the graph's size, so a build is reproducible.</summary>
    private void InsertFragments(int firstFragment, CancellationToken cancellationToken)
    {
        var random = new Random(unchecked((Options.Seed * 31) + NodeCount));
        var levelFactor = 1 / Math.Log(Options.M);
        var scratch = new SearchScratch(_table.TotalRows);
        var selected = new List<(int Node, float Distance)>();
        var layerResults = new List<(int Node, float Distance)>();
        for (var f = firstFragment; f < _table.FragmentCount; f++)
        {
            foreach (var row in _table.Searchable(f).ToRows())
            {
                if ((NodeCount & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var level = Math.Min(MaxLevel, (int)(-Math.Log(1 - random.NextDouble()) * levelFactor));
                var node = _table.FragmentStart(f) + row;
                Insert(node, level, scratch, layerResults, selected);
                _members[node >> 6] |= 1UL << node;
                NodeCount++;
            }
        }
    }

    /// <summary>The paper's INSERT: descend greedily to the node's top layer, then link it on each layer below.</summary>
    private void Insert(int node, int level, SearchScratch scratch, List<(int Node, float Distance)> layerResults, List<(int Node, float Distance)> selected)
    {
        if (level > 0)
        {
            _upper[node] = new int[level * (_m + 1)];
        }

        if (_entry < 0)
        {
            (_entry, _topLevel) = (node, level);
            return;
        }

        var row = _table.Locate(node);
        var vector = _table.Vector(row.Fragment, row.Row);
        var inverseNorm = _table.InverseNorm(row.Fragment, row.Row);
        var entry = Descend(vector, inverseNorm, _entry, Distance(vector, inverseNorm, _entry), _topLevel, level);
        layerResults.Clear();
        layerResults.Add(entry);
        for (var layer = Math.Min(level, _topLevel); layer >= 0; layer--)
        {
            scratch.Reset();
            foreach (var (start, distance) in layerResults)
            {
                scratch.Visited.Visit(start);
                scratch.Candidates.Push(start, distance);
                scratch.Results.Push(start, distance);
            }

            SearchLayer(vector, inverseNorm, scratch, Options.EfConstruction, layer, candidates: null);
            layerResults.Clear();
            for (var i = 0; i < scratch.Results.Count; i++)
            {
                layerResults.Add(scratch.Results[i]);
            }

            layerResults.Sort(static (a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Node.CompareTo(b.Node));
            SelectDiverse(layerResults, _m, selected);
            var links = _buildLinks.AsSpan(0, selected.Count);
            for (var i = 0; i < selected.Count; i++)
            {
                links[i] = selected[i].Node;
            }

            SetLinks(node, layer, links);
            foreach (var (neighbour, distance) in selected)
            {
                Connect(neighbour, node, distance, layer);
            }
        }

        if (level > _topLevel)
        {
            (_entry, _topLevel) = (node, level);
        }
    }

    /// <summary>
    /// The paper's neighbour-selection heuristic: walking <paramref name="byDistance"/> (nearest first), keep a node only
    /// when it is nearer to the base than to every node kept so far, up to <paramref name="limit"/>. It keeps links
    /// pointing in different directions, which is what lets the graph cross between clusters.
    /// </summary>
    private void SelectDiverse(List<(int Node, float Distance)> byDistance, int limit, List<(int Node, float Distance)> selected)
    {
        selected.Clear();
        foreach (var candidate in byDistance)
        {
            if (selected.Count >= limit)
            {
                break;
            }

            var diverse = true;
            foreach (var kept in selected)
            {
                if (NodeDistance(candidate.Node, kept.Node) < candidate.Distance)
                {
                    diverse = false;
                    break;
                }
            }

            if (diverse)
            {
                selected.Add(candidate);
            }
        }
    }

    /// <summary>Adds the back link <paramref name="neighbour"/> → <paramref name="node"/>; a full list is re-selected with the heuristic.</summary>
    private void Connect(int neighbour, int node, float distance, int layer)
    {
        var capacity = layer == 0 ? _m0 : _m;
        var links = Links(neighbour, layer);
        if (links.Length < capacity)
        {
            var grown = _buildLinks.AsSpan(0, links.Length + 1);
            links.CopyTo(grown);
            grown[^1] = node;
            SetLinks(neighbour, layer, grown);
            return;
        }

        var candidates = new List<(int Node, float Distance)>(links.Length + 1) { (node, distance) };
        foreach (var link in links)
        {
            candidates.Add((link, NodeDistance(neighbour, link)));
        }

        candidates.Sort(static (a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Node.CompareTo(b.Node));
        var kept = new List<(int Node, float Distance)>(capacity);
        SelectDiverse(candidates, capacity, kept);
        var rewritten = _buildLinks.AsSpan(0, kept.Count);
        for (var i = 0; i < kept.Count; i++)
        {
            rewritten[i] = kept[i].Node;
        }

        SetLinks(neighbour, layer, rewritten);
    }
}
