namespace OmniGraph.Search;

public sealed partial class HnswIndex
{
    /// <summary>
    /// Nodes inserted per batch. Within a batch every node searches the graph as it was before the batch (in parallel),
    /// then considers the batch's earlier nodes exactly; so the graph depends on the batch size but not on the number of
    /// threads. The exact comparisons with peers (512 per node on average) cost a few percent of a search of
    /// ef_construction candidates, while each batch ends with a wait for the slowest thread: on a loaded machine a thread
    /// descheduled for a time slice stalls the others, so batches are large enough that such waits are rare.
    /// </summary>
    internal const int BuildBatchSize = 1_024;

    /// <summary>
    /// Builds the graph over the table's searchable rows, inserting them in row order with levels drawn from the seeded
    /// generator, in batches spread over <see cref="HnswOptions.BuildParallelism"/> threads, so the same table and options
    /// give the same graph whatever the parallelism. Cancellation is checked between batches.
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

    /// <summary>
    /// Inserts the searchable rows of fragments <paramref name="firstFragment"/> on, in row order, batch by batch; level
    /// draws are seeded by the graph's size, so a build is reproducible.
    /// </summary>
    private void InsertFragments(int firstFragment, CancellationToken cancellationToken)
    {
        var pending = DrawLevels(firstFragment);
        var next = 0;
        if (_entry < 0 && pending.Count > 0)
        {
            // The first node of an empty graph is its entry point; nothing to link to.
            var (node, level) = pending[0];
            if (level > 0)
            {
                _upper[node] = new int[level * (_m + 1)];
            }

            (_entry, _topLevel) = (node, level);
            AddMember(node);
            next = 1;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.BuildParallelism, CancellationToken = cancellationToken };
        var batch = new PendingInsert[Math.Min(BuildBatchSize, Math.Max(1, pending.Count - next))];
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i] = new PendingInsert();
        }

        var backLinks = new List<BackLink>();
        while (next < pending.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var size = Math.Min(batch.Length, pending.Count - next);
            for (var i = 0; i < size; i++)
            {
                batch[i].Reset(pending[next + i].Node, pending[next + i].Level);
            }

            InsertBatch(batch, size, backLinks, parallel);
            next += size;
        }
    }

    /// <summary>The rows to insert, in row order, each with its level drawn from the generator seeded by the graph's size.</summary>
    private List<(int Node, int Level)> DrawLevels(int firstFragment)
    {
        var random = new Random(unchecked((Options.Seed * 31) + NodeCount));
        var levelFactor = 1 / Math.Log(Options.M);
        var pending = new List<(int Node, int Level)>();
        for (var f = firstFragment; f < _table.FragmentCount; f++)
        {
            foreach (var row in _table.Searchable(f).ToRows())
            {
                var level = Math.Min(MaxLevel, (int)(-Math.Log(1 - random.NextDouble()) * levelFactor));
                pending.Add((_table.FragmentStart(f) + row, level));
            }
        }

        return pending;
    }

    /// <summary>
    /// The paper's INSERT for a batch of nodes, in three steps: 1. each node searches the graph as it stood before the
    /// batch, adds the batch's earlier nodes to its candidates and selects its links (parallel: the graph is only read,
    /// and no graph node links to a batch node yet, so each thread writes only its own node's lists); 2. the back links,
    /// grouped by the neighbour they change and applied in node order (parallel across neighbours); 3. the nodes become
    /// members and the entry point moves up.
    /// </summary>
    private void InsertBatch(PendingInsert[] batch, int size, List<BackLink> backLinks, ParallelOptions parallel)
    {
        // 1. Search and select.
        Parallel.For(
            0,
            size,
            parallel,
            () => (Search: RentScratch(), Links: new LinkScratch(_m0)),
            (i, _, scratch) =>
            {
                FindCandidates(batch[i], scratch.Search);
                SelectLinks(batch, i, scratch.Links);
                return scratch;
            },
            scratch => _scratch.Add(scratch.Search));

        // 2. Link back.
        backLinks.Clear();
        foreach (var insert in batch.AsSpan(0, size))
        {
            for (var layer = 0; layer <= insert.Level; layer++)
            {
                foreach (var (neighbour, distance) in insert.Selected(layer))
                {
                    backLinks.Add(new BackLink(neighbour, layer, insert.Node, distance));
                }
            }
        }

        backLinks.Sort();
        var groups = new List<int> { 0 };
        for (var i = 1; i < backLinks.Count; i++)
        {
            if (backLinks[i].Neighbour != backLinks[i - 1].Neighbour)
            {
                groups.Add(i);
            }
        }

        groups.Add(backLinks.Count);
        Parallel.For(
            0,
            groups.Count - 1,
            parallel,
            () => new LinkScratch(_m0),
            (g, _, scratch) =>
            {
                for (var i = groups[g]; i < groups[g + 1]; i++)
                {
                    var link = backLinks[i];
                    Connect(link.Neighbour, link.Node, link.Distance, link.Layer, scratch);
                }

                return scratch;
            },
            static _ => { });

        // 3. Publish.
        foreach (var insert in batch.AsSpan(0, size))
        {
            AddMember(insert.Node);
            if (insert.Level > _topLevel)
            {
                (_entry, _topLevel) = (insert.Node, insert.Level);
            }
        }
    }

    private void AddMember(int node)
    {
        _members[node >> 6] |= 1UL << node;
        NodeCount++;
    }

    /// <summary>Step 1 for one node, its search: descend greedily to its top layer, then keep ef_construction candidates on each layer below.</summary>
    private void FindCandidates(PendingInsert insert, SearchScratch scratch)
    {
        if (insert.Level > 0)
        {
            _upper[insert.Node] = new int[insert.Level * (_m + 1)];
        }

        var row = _table.Locate(insert.Node);
        var vector = _table.Vector(row.Fragment, row.Row);
        var inverseNorm = _table.InverseNorm(row.Fragment, row.Row);
        var entry = Descend(vector, inverseNorm, _entry, Distance(vector, inverseNorm, _entry), _topLevel, insert.Level);
        var starts = insert.Starts;
        starts.Add(entry);
        for (var layer = Math.Min(insert.Level, _topLevel); layer >= 0; layer--)
        {
            scratch.Reset();
            foreach (var (start, distance) in starts)
            {
                scratch.Visited.Visit(start);
                scratch.Candidates.Push(start, distance);
                scratch.Results.Push(start, distance);
            }

            SearchLayer(vector, inverseNorm, scratch, Options.EfConstruction, layer, candidates: null);
            starts = insert.Found(layer);
            for (var i = 0; i < scratch.Results.Count; i++)
            {
                starts.Add(scratch.Results[i]);
            }
        }
    }

    /// <summary>Step 1 for the batch's node <paramref name="index"/>: its candidates plus the batch's earlier nodes, then the heuristic.</summary>
    private void SelectLinks(PendingInsert[] batch, int index, LinkScratch scratch)
    {
        var insert = batch[index];
        for (var layer = 0; layer <= insert.Level; layer++)
        {
            var candidates = insert.Found(layer);
            for (var peer = 0; peer < index; peer++)
            {
                if (batch[peer].Level >= layer)
                {
                    candidates.Add((batch[peer].Node, NodeDistance(insert.Node, batch[peer].Node)));
                }
            }

            candidates.Sort(ByDistanceThenNode);
            var selected = insert.Selected(layer);
            SelectDiverse(candidates, _m, selected);
            var links = scratch.Links.AsSpan(0, selected.Count);
            for (var i = 0; i < selected.Count; i++)
            {
                links[i] = selected[i].Node;
            }

            SetLinks(insert.Node, layer, links);
        }
    }

    private static int ByDistanceThenNode((int Node, float Distance) a, (int Node, float Distance) b) =>
        a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Node.CompareTo(b.Node);

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
    private void Connect(int neighbour, int node, float distance, int layer, LinkScratch scratch)
    {
        var capacity = layer == 0 ? _m0 : _m;
        var links = Links(neighbour, layer);
        if (links.Length < capacity)
        {
            var grown = scratch.Links.AsSpan(0, links.Length + 1);
            links.CopyTo(grown);
            grown[^1] = node;
            SetLinks(neighbour, layer, grown);
            return;
        }

        var candidates = scratch.Candidates;
        candidates.Clear();
        candidates.Add((node, distance));
        foreach (var link in links)
        {
            candidates.Add((link, NodeDistance(neighbour, link)));
        }

        candidates.Sort(ByDistanceThenNode);
        SelectDiverse(candidates, capacity, scratch.Kept);
        var rewritten = scratch.Links.AsSpan(0, scratch.Kept.Count);
        for (var i = 0; i < scratch.Kept.Count; i++)
        {
            rewritten[i] = scratch.Kept[i].Node;
        }

        SetLinks(neighbour, layer, rewritten);
    }
}
